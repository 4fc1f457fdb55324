import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  ConnectionListQuerySchema,
  ConnectLinkSchema,
  DashboardConnectionDetailSchema,
  DashboardConnectionListSchema,
} from "../../../contracts/linnet/dashboard.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { createReauthLink, disconnectFromDashboard } from "../../domain/dashboard/connection-actions.js";
import { dashboardConnectionView, listDashboardConnections } from "../../domain/dashboard/connections.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";
import { requireDashboardApplication } from "./require-application.js";

const errors = { "4xx": FinchErrorSchema } as const;
const appParams = z.object({ applicationId: z.string() });
const connectionParams = z.object({ applicationId: z.string(), connectionId: z.string() });
const base = "/dashboard/api/applications/:applicationId/connections";

/** The Employers tab: list, connection page, reauthentication link, disconnect. */
export const dashboardConnectionRoutes: RouteModule = (app, deps) => {
  app.get(
    base,
    {
      schema: {
        hide: true,
        params: appParams,
        querystring: ConnectionListQuerySchema,
        response: { 200: DashboardConnectionListSchema, ...errors },
      },
    },
    async (request) => {
      const { app: application } = await requireDashboardApplication(deps, request, "dashboard.read", request.params.applicationId);
      return listDashboardConnections(deps, application.id, request.query);
    },
  );

  app.get(
    `${base}/:connectionId`,
    { schema: { hide: true, params: connectionParams, response: { 200: DashboardConnectionDetailSchema, ...errors } } },
    async (request) => {
      const { app: application } = await requireDashboardApplication(deps, request, "dashboard.read", request.params.applicationId);
      return unwrap(await dashboardConnectionView(deps, application.id, request.params.connectionId));
    },
  );

  app.post(
    `${base}/:connectionId/reauthenticate`,
    { schema: { hide: true, params: connectionParams, response: { 201: ConnectLinkSchema, ...errors } } },
    async (request, reply) => {
      const { actor, app: application } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const link = unwrap(await createReauthLink(deps, application, request.params.connectionId));
      const id = request.params.connectionId;
      await recordAudit(deps, actor, {
        action: "connection.reauth_link_created",
        target: { type: "connection", id },
        applicationId: application.id,
        connectionId: id,
        summary: "Created a reauthentication link",
      });
      return reply.status(201).send(link);
    },
  );

  app.post(
    `${base}/:connectionId/disconnect`,
    { schema: { hide: true, params: connectionParams, response: { 200: DashboardConnectionDetailSchema, ...errors } } },
    async (request) => {
      const { actor, app: application } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      unwrap(await disconnectFromDashboard(deps, application, request.params.connectionId, actor.userId));
      const id = request.params.connectionId;
      await recordAudit(deps, actor, {
        action: "connection.disconnected",
        target: { type: "connection", id },
        applicationId: application.id,
        connectionId: id,
        summary: "Disconnected the connection (every token revoked)",
      });
      return unwrap(await dashboardConnectionView(deps, application.id, request.params.connectionId));
    },
  );
};
