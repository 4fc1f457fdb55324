import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { DashboardApplicationListSchema } from "../../../contracts/linnet/dashboard.js";
import { applicationsVisibleTo } from "../../domain/applications/members.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import type { RouteModule } from "../types.js";

/** `GET /dashboard/api/applications`: the applications the signed-in developer (or admin) may open, for the picker. */
export const dashboardApplicationRoutes: RouteModule = (app, deps) => {
  app.get(
    "/dashboard/api/applications",
    { schema: { hide: true, response: { 200: DashboardApplicationListSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "dashboard.read");
      const apps = await applicationsVisibleTo(deps, actor);
      return { data: apps.map((a) => ({ id: a.id, name: a.name, client_type: a.clientType, created_at: a.createdAt.toISOString() })) };
    },
  );
};
