import type { RouteModule } from "../types.js";
import { dashboardApplicationRoutes } from "./application-routes.js";
import { dashboardConnectionRoutes } from "./connection-routes.js";
import { dashboardSettingsRoutes } from "./settings-routes.js";

/** Every developer-dashboard route under `/dashboard/api/` except the webhooks ones (registered on their own). */
export const dashboardRoutes: RouteModule = (app, deps) => {
  dashboardApplicationRoutes(app, deps);
  dashboardConnectionRoutes(app, deps);
  dashboardSettingsRoutes(app, deps);
};
