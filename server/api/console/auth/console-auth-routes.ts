import type { RouteModule } from "../../types.js";
import { apiKeyRoutes } from "./api-key-routes.js";
import { exampleRoutes } from "./example-routes.js";
import { sessionRoutes } from "./session-routes.js";

/** Every console sign-in route under `/console/api/` (session, API keys, the protected examples). */
export const consoleAuthRoutes: RouteModule = (app, deps) => {
  sessionRoutes(app, deps);
  apiKeyRoutes(app, deps);
  exampleRoutes(app, deps);
};
