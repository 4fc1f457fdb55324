import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { DemoConfigSchema, DemoSessionRequestSchema, DemoSessionResponseSchema } from "../../../contracts/linnet/demo.js";
import { demoCredentials } from "../../domain/applications/demo-credentials.js";
import { resolveSession } from "../../domain/auth/resolve-session.js";
import { FinchError } from "../../domain/errors.js";
import { requireSignedIn } from "../console/auth/require-console.js";
import { readSessionToken } from "../console/auth/session-cookie.js";
import type { RouteModule } from "../types.js";
import { basicAuth, demoBackend } from "./demo-backend.js";
import { demoDataRoutes } from "./demo-data-routes.js";

/**
 * The backend of the /demo page, written the way a developer's own server would be: it calls Linnet's
 * public API over HTTP with the demo application's credentials and keeps the access token to itself.
 * Registered only when the demo is on (`LINNET_DEMO`); anyone may drive it in the sandbox, while a real
 * (assisted, operations-staffed) connection needs a signed-in console user.
 */
export const demoRoutes: RouteModule = (app, deps) => {
  if (!deps.config.demoEnabled) return;
  const backend = demoBackend(deps);
  const hidden = { hide: true } as const;

  app.get("/demo/api/config", { schema: { ...hidden, response: { 200: DemoConfigSchema } } }, async (request) => {
    const creds = await demoCredentials(deps);
    const session = await resolveSession(deps, readSessionToken(request));
    return {
      available: creds !== null,
      application_name: creds ? "Linnet Demo App" : null,
      client_id: creds?.clientId ?? null,
      connect_url: deps.config.publicUrl,
      signed_in: session.ok,
      csrf_token: session.ok ? session.value.csrfToken : null,
    };
  });

  app.post(
    "/demo/api/sessions",
    { schema: { ...hidden, body: DemoSessionRequestSchema, response: { 200: DemoSessionResponseSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      if (!request.body.sandbox) {
        const session = await resolveSession(deps, readSessionToken(request));
        if (!session.ok) {
          throw new FinchError(
            "unauthorized",
            "sandbox: a real (non-sandbox) connection needs a signed-in console user; sign in to the dashboard or keep Sandbox on",
          );
        }
        await requireSignedIn(deps, request); // and the CSRF token, as every console action
      }
      const body = await backend.call("/connect/sessions", {
        method: "POST",
        headers: { authorization: basicAuth(await backend.credentials()) },
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

  demoDataRoutes(app, deps);
};
