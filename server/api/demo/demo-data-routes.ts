import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  DemoDataRequestSchema,
  DemoDataResponseSchema,
  DemoExchangeRequestSchema,
  DemoExchangeResponseSchema,
} from "../../../contracts/linnet/demo.js";
import type { RouteModule } from "../types.js";
import { demoBackend } from "./demo-backend.js";

/** Where the demo application's redirect flow lands (its registered redirect URI). */
export const DEMO_CALLBACK_PATH = "/demo/callback";

/** A data answer's body as JSON (a 202's empty body is null; anything not JSON is shown as text). */
function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The demo backend's second half: exchange the code (embedded or redirect flow), then call the data API with the
 * token, showing the 202 (with `Linnet-Data-Expected`) or the data (with `Finch-Data-Retrieved`) as they come.
 */
export const demoDataRoutes: RouteModule = (app, deps) => {
  const backend = demoBackend(deps);
  const hidden = { hide: true } as const;

  app.post(
    "/demo/api/exchange",
    { schema: { ...hidden, body: DemoExchangeRequestSchema, response: { 200: DemoExchangeResponseSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const { clientId, clientSecret } = await backend.credentials();
      const redirectUri = request.body.redirect ? { redirect_uri: `${deps.config.publicUrl}${DEMO_CALLBACK_PATH}` } : {};
      const token = await backend.call("/auth/token", {
        method: "POST",
        body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, code: request.body.code, ...redirectUri }),
      });
      const accessToken = String(token.access_token);
      const introspection = await backend.call("/introspect", { method: "GET", headers: { authorization: `Bearer ${accessToken}` } });
      return {
        access_token_preview: `${accessToken.slice(0, 9)}…`,
        token: { ...token, access_token: `${accessToken.slice(0, 9)}…` },
        introspection,
        token_handle: backend.seal(accessToken),
      };
    },
  );

  app.post(
    "/demo/api/data",
    { schema: { ...hidden, body: DemoDataRequestSchema, response: { 200: DemoDataResponseSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const authorization = `Bearer ${backend.open(request.body.token_handle)}`;
      const res = await backend.fetch(request.body.path, { method: "GET", headers: { authorization } });
      const text = await res.text();
      const introspection = await backend.fetch("/introspect", { method: "GET", headers: { authorization } });
      const status = introspection.ok
        ? ((await introspection.json()) as { connection_status?: { status?: string } }).connection_status?.status
        : null;
      return {
        path: request.body.path,
        status: res.status,
        data_retrieved: res.headers.get("finch-data-retrieved"),
        data_expected: res.headers.get("linnet-data-expected"),
        body: parseBody(text),
        connection_status: status ?? "unknown",
      };
    },
  );
};
