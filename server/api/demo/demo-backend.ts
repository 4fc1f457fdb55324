import { demoCredentials } from "../../domain/applications/demo-credentials.js";
import type { Deps } from "../../domain/deps.js";
import { FinchError } from "../../domain/errors.js";

/** The bound the sealed token is encrypted with, so a sealed value from anywhere else never opens here. */
const TOKEN_AAD = "demo_access_token";

/** What the demo's backend needs: Linnet's public API over HTTP, as any developer's server would call it. */
export interface DemoBackend {
  /** Call a JSON endpoint of the public API; a non-2xx answer becomes a 400 naming the call. */
  call(path: string, init: RequestInit): Promise<Record<string, unknown>>;
  /** The raw answer, for data calls whose 202 and headers the demo shows as they are. */
  fetch(path: string, init: RequestInit): Promise<Response>;
  /** The demo application's credentials, or 404 when this installation has none. */
  credentials(): Promise<{ clientId: string; clientSecret: string }>;
  /** Seal an access token for the page to hold (it cannot read it). */
  seal(accessToken: string): string;
  /** Open a sealed token; 400 naming `token_handle` when it was not made here. */
  open(handle: string): string;
}

/** The demo backend over this server's public URL. */
export function demoBackend(deps: Deps): DemoBackend {
  const base = deps.config.publicUrl;
  const raw = (path: string, init: RequestInit) =>
    fetch(`${base}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  return {
    fetch: raw,
    async call(path, init) {
      const res = await raw(path, init);
      const body = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new FinchError("invalid_request", `${path} answered ${res.status}: ${String(body.message ?? "")}`);
      return body;
    },
    async credentials() {
      const creds = await demoCredentials(deps);
      if (!creds) throw new FinchError("not_found", "There is no demo application in this installation");
      return creds;
    },
    seal: (accessToken) => deps.cipher.encrypt(accessToken, TOKEN_AAD),
    open(handle) {
      try {
        return deps.cipher.decrypt(handle, TOKEN_AAD);
      } catch {
        throw new FinchError("invalid_request", "token_handle: not a token this demo issued");
      }
    },
  };
}

/** Basic auth header value for the demo application. */
export function basicAuth(creds: { clientId: string; clientSecret: string }): string {
  return `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString("base64")}`;
}
