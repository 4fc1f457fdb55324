import { consoleFetch, queryString } from "../../console/console-fetch.js";
import type { ConsoleUser } from "../../console/console-types.js";
import type { Task, TaskList, TaskQuery, TaskSummary } from "../ops-types.js";

/** The work queue's calls to `/ops/api/tasks` and `/ops/api/users`. */

const taskPath = (id: string) => `/ops/api/tasks/${encodeURIComponent(id)}`;

/** One page of tasks matching the query. */
export function listTasks(query: TaskQuery): Promise<TaskList> {
  return consoleFetch<TaskList>(`/ops/api/tasks${queryString({ ...query })}`);
}

/** Counts for the summary strip and its chart. */
export function getSummary(): Promise<TaskSummary> {
  return consoleFetch<TaskSummary>("/ops/api/tasks/summary");
}

/** Assigns the task to the signed-in operator. */
export function claimTask(id: string): Promise<Task> {
  return consoleFetch<Task>(`${taskPath(id)}/claim`, { method: "POST", json: {} });
}

/** Gives the task back to the queue. */
export function releaseTask(id: string): Promise<Task> {
  return consoleFetch<Task>(`${taskPath(id)}/release`, { method: "POST", json: {} });
}

/** Assigns the task to another operator or admin. */
export function reassignTask(id: string, userId: string): Promise<Task> {
  return consoleFetch<Task>(`${taskPath(id)}/reassign`, { json: { user_id: userId } });
}

/** Operators and admins, for reassigning. */
export function listUsers(): Promise<ConsoleUser[]> {
  return consoleFetch<ConsoleUser[]>("/ops/api/users");
}
