import type { TaskStatus } from "../../db/schema/types/statuses.js";

/** States of a work-queue task (defined once with the column). */
export type { TaskStatus };

/**
 * Legal moves: claiming starts work, releasing gives it back, a publish completes it, a disconnect cancels it.
 * Done and cancelled are final. The console reads this table to show what an operator may do.
 */
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ["in_progress", "done", "cancelled"],
  in_progress: ["open", "done", "cancelled"],
  done: [],
  cancelled: [],
};

/** Whether a task may move from `from` to `to`. */
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

/** Within this long of its due time a task counts as due soon. */
export const DUE_SOON_MS = 2 * 86_400_000;

/** How a task stands against its due date at `now`. */
export function slaHealth(status: TaskStatus, dueAt: Date, now: Date): "on_track" | "due_soon" | "overdue" | "closed" {
  if (status === "done" || status === "cancelled") return "closed";
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DUE_SOON_MS ? "due_soon" : "on_track";
}
