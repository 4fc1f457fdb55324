import { CreateAccessTokenRequestSchema, CreateAccessTokenResponseSchema } from "../../../../contracts/finch/auth.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { authenticateClient } from "../../../domain/applications/authenticate-client.js";
import { exchangeCode } from "../../../domain/connections/exchange-code.js";
import { unwrap } from "../../errors.js";
import { basicCredentials } from "../../middleware/credentials.js";
import { presentAccessToken } from "../../presenters/access-token.presenter.js";
import type { RouteModule } from "../../types.js";

/** `POST /auth/token`: exchange an authorization code for an access token. Client credentials travel in the body (Basic also accepted). */
export const postToken: RouteModule = (app, deps) => {
  app.post(
    "/auth/token",
    {
      schema: {
        tags: ["Auth"],
        summary: "Exchange an authorization code for an access token",
        body: CreateAccessTokenRequestSchema,
        response: { 200: CreateAccessTokenResponseSchema, 400: FinchErrorSchema, 401: FinchErrorSchema },
      },
    },
    async (request) => {
      const basic = basicCredentials(request);
      const clientId = request.body.client_id ?? basic?.clientId;
      const clientSecret = request.body.client_secret ?? basic?.clientSecret;
      const application = unwrap(await authenticateClient(deps, clientId, clientSecret));
      return presentAccessToken(
        unwrap(await exchangeCode(deps, application, { code: request.body.code, redirect_uri: request.body.redirect_uri })),
      );
    },
  );
};
