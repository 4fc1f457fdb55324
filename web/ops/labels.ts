import type { Group } from "./ops-types.js";

/** Console words for product groups and task kinds (the generic formatters live in web/ui/format.ts). */

/** "Census" / "Pay" for a product group. */
export const GROUP_LABELS: Record<Group, string> = { org: "Census", pay: "Pay" };

/** "Initial" / "Weekly refresh" for a task kind. */
export const KIND_LABELS: Record<string, string> = {
  initial: "Initial",
  refresh: "Weekly refresh",
  review: "Review a held file",
  late_file: "Chase a late report",
  source_check: "Check a pull source",
};
