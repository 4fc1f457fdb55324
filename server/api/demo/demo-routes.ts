import {
  DemoConfigSchema,
  DemoExchangeRequestSchema,
  DemoExchangeResponseSchema,
  DemoSessionRequestSchema,
  DemoSessionResponseSchema,
} from "../../../contracts/linnet/demo.js";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { demoCredentials } from "../../domain/bootstrap.js";
import { FinchError } from "../../domain/errors.js";
import type { RouteModule } from "../types.js";

/**
 * The backend of the /demo page, written the way a developer's own server would be: it calls Linnet's
 * public API over HTTP with the demo application's credentials and keeps the access token to itself.
 */
export const demoRoutes: RouteModule = (app, deps) => {
  const base = deps.config.publicUrl;
  const call = async (path: string, init: RequestInit) => {
    const res = await fetch(`${base}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new FinchError("invalid_request", `${path} answered ${res.status}: ${String(body.message ?? "")}`);
    return body;
  };
  const credentials = async () => {
    const creds = await demoCredentials(deps);
    if (!creds) throw new FinchError("not_found", "There is no demo application in this installation");
    return creds;
  };
  const hidden = { hide: true } as const;

  app.get("/demo/api/config", { schema: { ...hidden, response: { 200: DemoConfigSchema } } }, async () => {
    const creds = await demoCredentials(deps);
    return { available: creds !== null, application_name: creds ? "Linnet Demo App" : null, client_id: creds?.clientId ?? null, connect_url: base };
  });

  app.post(
    "/demo/api/sessions",
    { schema: { ...hidden, body: DemoSessionRequestSchema, response: { 200: DemoSessionResponseSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const { clientId, clientSecret } = await credentials();
      const body = await call("/connect/sessions", {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
        body: JSON.stringify({
          customer_id: request.body.customer_id,
          customer_name: request.body.customer_name,
          products: request.body.products,
          manual: request.body.manual,
          sandbox: request.body.sandbox ? "finch" : null,
        }),
      });
      return { session_id: String(body.session_id), connect_url: String(body.connect_url) };
    },
  );

  app.post(
    "/demo/api/exchange",
    { schema: { ...hidden, body: DemoExchangeRequestSchema, response: { 200: DemoExchangeResponseSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const { clientId, clientSecret } = await credentials();
      const token = await call("/auth/token", {
        method: "POST",
        body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, code: request.body.code }),
      });
      const accessToken = String(token.access_token);
      const introspection = await call("/introspect", { method: "GET", headers: { authorization: `Bearer ${accessToken}` } });
      return {
        access_token_preview: `${accessToken.slice(0, 9)}…`,
        token: { ...token, access_token: `${accessToken.slice(0, 9)}…` },
        introspection,
      };
    },
  );
};
