import type { TaskQuery } from "../ops-types.js";

/** The queue's filters, kept in the URL (`/ops?status=open&overdue=true`) so a reload or a shared link keeps them. */

/** Rows per page. */
export const PAGE_SIZE = 50;

/** The queue's filter state. */
export interface QueueFilters {
  /** "active" (open + in progress, the default), one task status, or "all". */
  status: string;
  /** Provider id (or part of it, as the server matches). */
  provider: string;
  /** "me", "none" or "" for anyone. */
  assignee: string;
  overdue: boolean;
  dueThisWeek: boolean;
  sort: "due_asc" | "due_desc" | "created_desc";
  offset: number;
}

/** Status filter choices, the default first. */
export const STATUS_CHOICES = [
  { value: "active", label: "Active" },
  { value: "open", label: "Open" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "cancelled", label: "Cancelled" },
  { value: "all", label: "Any status" },
] as const;

/** Sort choices. */
export const SORT_CHOICES = [
  { value: "due_asc", label: "Due soonest" },
  { value: "due_desc", label: "Due latest" },
  { value: "created_desc", label: "Newest" },
] as const;

const SORTS = SORT_CHOICES.map((c) => c.value as string);

/** Filters from a query string; anything unknown falls back to the default. */
export function parseFilters(search: string): QueueFilters {
  const q = new URLSearchParams(search);
  const status = q.get("status") ?? "active";
  const sort = q.get("sort") ?? "due_asc";
  const offset = Number(q.get("offset") ?? 0);
  return {
    status: STATUS_CHOICES.some((c) => c.value === status) ? status : "active",
    provider: q.get("provider") ?? "",
    assignee: q.get("assignee") ?? "",
    overdue: q.get("overdue") === "true",
    dueThisWeek: q.get("due_this_week") === "true",
    sort: (SORTS.includes(sort) ? sort : "due_asc") as QueueFilters["sort"],
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page's query string for filters ("" when all are defaults). */
export function filtersSearch(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.status !== "active") q.set("status", f.status);
  if (f.provider) q.set("provider", f.provider);
  if (f.assignee) q.set("assignee", f.assignee);
  if (f.overdue) q.set("overdue", "true");
  if (f.dueThisWeek) q.set("due_this_week", "true");
  if (f.sort !== "due_asc") q.set("sort", f.sort);
  if (f.offset > 0) q.set("offset", String(f.offset));
  const text = q.toString();
  return text === "" ? "" : `?${text}`;
}

/** The API query for filters. */
export function taskQuery(f: QueueFilters): TaskQuery {
  return {
    status: f.status === "all" ? undefined : (f.status as TaskQuery["status"]),
    provider: f.provider.trim() || undefined,
    assignee: f.assignee || undefined,
    overdue: f.overdue ? "true" : undefined,
    due_this_week: f.dueThisWeek ? "true" : undefined,
    sort: f.sort,
    limit: PAGE_SIZE,
    offset: f.offset,
  };
}
