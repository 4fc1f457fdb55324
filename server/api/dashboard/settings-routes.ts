import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  ApplicationSettingsSchema,
  ConnectLinkSchema,
  CreateConnectLinkSchema,
  RotatedSecretSchema,
  UpdateSettingsSchema,
} from "../../../contracts/linnet/dashboard.js";
import { rotateClientSecret } from "../../domain/applications/rotate-secret.js";
import { updateAcceptedBody } from "../../domain/applications/update-accepted-body.js";
import { updateRedirectUris } from "../../domain/applications/update-redirect-uris.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { createConnectLink, presentSettings } from "../../domain/dashboard/settings.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";
import { requireDashboardApplication } from "./require-application.js";

const errors = { "4xx": FinchErrorSchema } as const;
const params = z.object({ applicationId: z.string() });
const base = "/dashboard/api/applications/:applicationId";

/** Application settings: client id, redirect URIs, secret rotation, Connect links. */
export const dashboardSettingsRoutes: RouteModule = (app, deps) => {
  app.get(
    `${base}/settings`,
    { schema: { hide: true, params, response: { 200: ApplicationSettingsSchema, ...errors } } },
    async (request) => {
      const { app: application } = await requireDashboardApplication(deps, request, "dashboard.read", request.params.applicationId);
      return presentSettings(deps, application);
    },
  );

  app.patch(
    `${base}/settings`,
    { schema: { hide: true, params, body: UpdateSettingsSchema, response: { 200: ApplicationSettingsSchema, ...errors } } },
    async (request) => {
      const { actor, app: application } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const redirectUris =
        request.body.redirect_uris === undefined
          ? application.redirectUris
          : unwrap(await updateRedirectUris(deps, application.id, request.body.redirect_uris));
      let acceptedBody = application.acceptedBody;
      if (request.body.accepted_body !== undefined) {
        acceptedBody = request.body.accepted_body;
        await updateAcceptedBody(deps, application.id, acceptedBody);
      }
      await recordAudit(deps, actor, {
        action: "application.settings_changed",
        target: { type: "application", id: application.id },
        applicationId: application.id,
        summary: `Changed the settings of ${application.name}`,
        details: { redirect_uris: redirectUris, accepted_body: acceptedBody },
      });
      return presentSettings(deps, { ...application, redirectUris, acceptedBody });
    },
  );

  app.post(
    `${base}/rotate-secret`,
    { schema: { hide: true, params, response: { 200: RotatedSecretSchema, ...errors } } },
    async (request) => {
      const { actor, app: application } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const rotated = unwrap(await rotateClientSecret(deps, application.id));
      await recordAudit(deps, actor, {
        action: "application.secret_rotated",
        target: { type: "application", id: application.id },
        applicationId: application.id,
        summary: `Rotated the client secret of ${application.name}`,
      });
      return {
        client_id: application.id,
        client_secret: rotated.client_secret,
        previous_secret_expires_at: rotated.previous_secret_expires_at?.toISOString() ?? null,
      };
    },
  );

  app.post(
    `${base}/connect-links`,
    { schema: { hide: true, params, body: CreateConnectLinkSchema, response: { 201: ConnectLinkSchema, ...errors } } },
    async (request, reply) => {
      const { actor, app: application } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const link = unwrap(await createConnectLink(deps, application, request.body));
      await recordAudit(deps, actor, {
        action: "application.connect_link_created",
        target: { type: "application", id: application.id },
        applicationId: application.id,
        summary: `Created a Connect link of ${application.name} for customer ${request.body.customer_id}`,
      });
      return reply.status(201).send(link);
    },
  );
};
