/** The dashboard's pages, routed on the client (the server answers every `/dashboard/*` path with this page). */

/** A page of the dashboard. */
export type DashboardRoute =
  | { page: "home" }
  | { page: "employers"; applicationId: string }
  | { page: "connection"; applicationId: string; connectionId: string }
  | { page: "settings"; applicationId: string }
  | { page: "webhooks"; applicationId: string }
  | { page: "not-found" };

/** The route of a pathname such as `/dashboard/applications/abc/connections/def`. */
export function parseDashboardRoute(pathname: string): DashboardRoute {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== "dashboard") return { page: "not-found" };
  const [, section, applicationId, tab, connectionId, extra] = segments;
  if (section === undefined) return { page: "home" };
  if (section !== "applications" || !applicationId || extra) return { page: "not-found" };
  if (tab === undefined || (tab === "connections" && !connectionId)) return { page: "employers", applicationId };
  if (tab === "connections" && connectionId) return { page: "connection", applicationId, connectionId };
  if (tab === "settings" && !connectionId) return { page: "settings", applicationId };
  if (tab === "webhooks" && !connectionId) return { page: "webhooks", applicationId };
  return { page: "not-found" };
}

const app = (id: string) => `/dashboard/applications/${encodeURIComponent(id)}`;

/** Paths of the dashboard's pages. */
export const dashboardPaths = {
  home: "/dashboard",
  employers: (applicationId: string) => app(applicationId),
  connection: (applicationId: string, connectionId: string) => `${app(applicationId)}/connections/${encodeURIComponent(connectionId)}`,
  settings: (applicationId: string) => `${app(applicationId)}/settings`,
  webhooks: (applicationId: string) => `${app(applicationId)}/webhooks`,
};
