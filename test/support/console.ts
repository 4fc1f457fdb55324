import { createUser } from "../../server/domain/users/create-user.js";
import { type HttpResult, http, type RequestOptions } from "./http.js";
import type { TestServer } from "./test-server.js";

/** A signed-in console browser: its session cookie and CSRF token. */
export interface ConsoleBrowser {
  userId: string;
  cookie: string;
  csrf: string;
  /** A request with the cookie and the CSRF header. */
  call<T = Record<string, unknown>>(method: string, path: string, opts?: RequestOptions): Promise<HttpResult<T>>;
}

const users = new Map<string, string>();

/** Create a console user with this role (once) and sign in as them. */
export async function signInConsole(server: TestServer, email: string, role: "admin" | "operator" | "developer"): Promise<ConsoleBrowser> {
  const password = "correct horse battery staple";
  const key = `${server.url} ${email}`;
  if (!users.has(key)) {
    const created = await createUser(server.linnet.deps, { email, password, role });
    if (!created.ok) throw created.error;
    users.set(key, created.value.id);
  }
  const userId = users.get(key)!;
  const res = await http<{ csrf_token: string }>(server.url, "POST", "/console/api/session", { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrf = res.body.csrf_token;
  return {
    userId,
    cookie,
    csrf,
    call: (method, path, opts = {}) =>
      http(server.url, method, path, { ...opts, headers: { cookie, "x-csrf-token": csrf, ...opts.headers } }),
  };
}
