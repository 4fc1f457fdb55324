/** The operations console's routes: the server answers every `/ops/*` path with this page (navigation: web/console/navigation.ts). */

/** A page of the console. */
export type Route =
  | { page: "queue" }
  | { page: "connection"; id: string }
  | { page: "upload"; id: string }
  | { page: "manual-jobs"; jobId: string | null }
  | { page: "audit" }
  | { page: "intake" }
  | { page: "intake-file"; id: string }
  | { page: "not-found" };

/** The route of a pathname such as `/ops/connections/abc`. */
export function parseRoute(pathname: string): Route {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== "ops") return { page: "not-found" };
  const [, section, id, extra] = segments;
  if (section === undefined) return { page: "queue" };
  if (section === "connections" && id && !extra) return { page: "connection", id };
  if (section === "uploads" && id && !extra) return { page: "upload", id };
  if (section === "manual-jobs" && !extra) return { page: "manual-jobs", jobId: id ?? null };
  if (section === "audit" && !id) return { page: "audit" };
  if (section === "intake" && !id) return { page: "intake" };
  if (section === "intake" && id === "files" && extra && segments.length === 4) return { page: "intake-file", id: extra };
  return { page: "not-found" };
}

/** Paths of the console's pages. */
export const paths = {
  queue: "/ops",
  connection: (id: string) => `/ops/connections/${encodeURIComponent(id)}`,
  upload: (id: string) => `/ops/uploads/${encodeURIComponent(id)}`,
  manualJobs: "/ops/manual-jobs",
  manualJob: (id: string) => `/ops/manual-jobs/${encodeURIComponent(id)}`,
  audit: "/ops/audit",
  intake: "/ops/intake",
  intakeFile: (id: string) => `/ops/intake/files/${encodeURIComponent(id)}`,
};
