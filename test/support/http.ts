import type { AuthorizeRequest, AuthorizeResponse, ConnectFlow } from "../../contracts/linnet/connect-flow.js";

/** A response as tests look at it. */
export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  /** Raw body text (for malformed JSON). */
  raw?: string;
  basic?: { client_id: string; client_secret: string };
  bearer?: string;
  headers?: Record<string, string>;
}

/** Real HTTP to the test server. */
export async function http<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined || opts.raw !== undefined) headers["content-type"] ??= "application/json";
  if (opts.basic) headers.authorization = `Basic ${Buffer.from(`${opts.basic.client_id}:${opts.basic.client_secret}`).toString("base64")}`;
  if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // leave text
  }
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** Run the hosted Connect flow's API the way the Connect page does, returning the authorize answer. */
export async function completeConnect(
  base: string,
  query: Record<string, string>,
  choice: AuthorizeRequest,
): Promise<{ flow: ConnectFlow; result: HttpResult<AuthorizeResponse> }> {
  const started = await http<ConnectFlow>(base, "POST", "/connect/api/flows", { body: { query } });
  if (started.status !== 200) throw new Error(`start flow failed: ${started.status} ${started.text}`);
  const result = await http<AuthorizeResponse>(base, "POST", `/connect/api/flows/${started.body.flow_id}/authorize`, { body: choice });
  return { flow: started.body, result };
}

/** Create a session, complete Connect and exchange the code: a ready access token. */
export async function connectEmployer(
  base: string,
  app: { client_id: string; client_secret: string },
  opts: {
    customer_id?: string;
    customer_name?: string;
    products?: string[];
    choice: AuthorizeRequest;
    manual?: boolean;
    sandbox?: "finch" | null;
  },
): Promise<{ access_token: string; connection_id: string; code: string; status_url: string | null }> {
  const session = await http<{ session_id: string }>(base, "POST", "/connect/sessions", {
    basic: app,
    body: {
      customer_id: opts.customer_id ?? `cust-${Math.random().toString(36).slice(2, 10)}`,
      customer_name: opts.customer_name ?? "Acme Inc",
      products: opts.products ?? ["company", "directory", "individual", "employment"],
      manual: opts.manual ?? true,
      sandbox: opts.sandbox ?? null,
    },
  });
  if (session.status !== 201) throw new Error(`session failed: ${session.status} ${session.text}`);
  const { result } = await completeConnect(base, { session: session.body.session_id }, opts.choice);
  if (result.status !== 200) throw new Error(`authorize failed: ${result.status} ${result.text}`);
  const token = await http<{ access_token: string; connection_id: string }>(base, "POST", "/auth/token", {
    body: { client_id: app.client_id, client_secret: app.client_secret, code: result.body.code },
  });
  if (token.status !== 200) throw new Error(`token failed: ${token.status} ${token.text}`);
  return { ...token.body, code: result.body.code, status_url: result.body.status_url };
}

/** The ids of a sandbox connection's payments, once its pay history is published (202 until then, in the background). */
export async function publishedPaymentIds(baseUrl: string, bearer: string, timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await http<{ id: string }[]>(baseUrl, "GET", "/employer/payment?start_date=2000-01-01&end_date=2100-01-01", { bearer });
    if (res.status === 200) return res.body.map((p) => p.id);
    if (Date.now() > deadline) throw new Error(`pay history not published after ${timeoutMs} ms (last status ${res.status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
