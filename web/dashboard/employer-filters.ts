/** The Employers tab's filters, kept in the URL so a reload or a shared link keeps them. */

/** Rows per page. */
export const EMPLOYERS_PAGE_SIZE = 25;

/** The filter state. */
export interface EmployerFilters {
  q: string;
  status: string;
  authType: string;
  provider: string;
  sort: "customer" | "status" | "created" | "expected";
  order: "" | "asc" | "desc";
  offset: number;
}

/** Status choices: the dashboard labels, then the error states in words. */
export const STATUS_CHOICES = [
  { value: "", label: "Any status" },
  { value: "pending", label: "PENDING" },
  { value: "processing", label: "PROCESSING" },
  { value: "connected", label: "CONNECTED" },
  { value: "disconnected", label: "DISCONNECTED" },
  { value: "needs_attention", label: "Needs attention (any)" },
  { value: "error_no_account_setup", label: "No account set up" },
  { value: "error_permissions", label: "Missing permissions" },
  { value: "reauth", label: "Needs re-authentication" },
];

/** Auth type choices. */
export const AUTH_CHOICES = [
  { value: "", label: "Any" },
  { value: "assisted", label: "Assisted" },
  { value: "automated", label: "Automated" },
];

/** Sort choices. */
export const SORT_CHOICES = [
  { value: "created", label: "Newest" },
  { value: "customer", label: "Customer" },
  { value: "status", label: "Status" },
  { value: "expected", label: "Expected data date" },
];

const SORTS = ["customer", "status", "created", "expected"];

/** Filters from a query string; anything unknown falls back to the default. */
export function parseEmployerFilters(search: string): EmployerFilters {
  const q = new URLSearchParams(search);
  const sort = q.get("sort") ?? "created";
  const order = q.get("order") ?? "";
  const offset = Number(q.get("offset") ?? 0);
  const known = (value: string | null, choices: { value: string }[]) => (choices.some((c) => c.value === value) ? (value as string) : "");
  return {
    q: q.get("q") ?? "",
    status: known(q.get("status"), STATUS_CHOICES),
    authType: known(q.get("auth_type"), AUTH_CHOICES),
    provider: q.get("provider") ?? "",
    sort: (SORTS.includes(sort) ? sort : "created") as EmployerFilters["sort"],
    order: order === "asc" || order === "desc" ? order : "",
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The API query (and the page's query string) for filters; empty values are left out. */
export function employerQuery(f: EmployerFilters): Record<string, string | number | undefined> {
  return {
    q: f.q.trim() || undefined,
    status: f.status || undefined,
    auth_type: f.authType || undefined,
    provider: f.provider.trim() || undefined,
    sort: f.sort === "created" ? undefined : f.sort,
    order: f.order || undefined,
    offset: f.offset || undefined,
  };
}
