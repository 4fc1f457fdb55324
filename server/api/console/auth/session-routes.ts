import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { SessionResponseSchema, SignInRequestSchema } from "../../../../contracts/linnet/console-auth.js";
import { signIn } from "../../../domain/auth/sign-in.js";
import { signOut } from "../../../domain/auth/sign-out.js";
import { unwrap } from "../../errors.js";
import type { RouteModule } from "../../types.js";
import { presentSession, presentUser } from "./console-auth.presenter.js";
import { requireSignedIn } from "./require-console.js";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "./session-cookie.js";

const errors = { "4xx": FinchErrorSchema } as const;

/** `POST|GET|DELETE /console/api/session`: sign in, who am I (after a page reload), sign out. */
export const sessionRoutes: RouteModule = (app, deps) => {
  app.post(
    "/console/api/session",
    { schema: { hide: true, body: SignInRequestSchema, response: { 200: SessionResponseSchema, ...errors } } },
    async (request, reply) => {
      const result = await signIn(deps, { ...request.body, clientAddress: request.ip, userAgent: request.headers["user-agent"] });
      const retryAfter = result.ok ? undefined : result.error.context?.retry_after;
      if (retryAfter) reply.header("retry-after", retryAfter);
      const signedIn = unwrap(result);
      reply.header("set-cookie", sessionCookie(deps.config, signedIn.sessionToken));
      return presentSession(signedIn.user, signedIn.csrfToken);
    },
  );

  app.get("/console/api/session", { schema: { hide: true, response: { 200: SessionResponseSchema, ...errors } } }, async (request) => {
    const actor = await requireSignedIn(deps, request);
    return presentSession(presentUser(actor), actor.csrfToken);
  });

  app.delete("/console/api/session", { schema: { hide: true, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await requireSignedIn(deps, request);
    unwrap(await signOut(deps, readSessionToken(request) ?? ""));
    return reply.status(204).header("set-cookie", clearedSessionCookie(deps.config)).send(null);
  });
};
