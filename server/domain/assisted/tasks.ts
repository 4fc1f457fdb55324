import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import {
  activeTasksOf,
  cancelActiveTasks,
  findTask,
  insertTasks,
  type TaskRow,
  updateTask,
  updateTaskFrom,
} from "../../db/repositories/tasks.repository.js";
import { addDays } from "../clock.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { firstDataDue } from "./sla.js";
import { canMoveTask, type TaskStatus } from "./task-machine.js";

type TaskDeps = Pick<Deps, "db" | "clock" | "catalog" | "config">;

/** Only real assisted connections need people doing pulls (sandbox ones are simulated). */
export function needsOperations(connection: Pick<ConnectionRow, "authMethod" | "connectionType">): boolean {
  return connection.authMethod === "assisted" && connection.connectionType === "provider";
}

/** Open the initial pull tasks of a new assisted connection, due by the SLA rules (call in its transaction). */
export async function openInitialTasks(deps: TaskDeps, connection: ConnectionRow): Promise<void> {
  if (!needsOperations(connection)) return;
  const provider = deps.catalog.get(connection.providerId);
  if (!provider) return;
  const now = deps.clock.now();
  await insertTasks(
    deps.db,
    firstDataDue(connection.products, provider, deps.config.sla, connection.createdAt).map((d) => ({
      id: randomUUID(),
      connectionId: connection.id,
      group: d.group,
      kind: "initial" as const,
      status: "open",
      dueAt: d.due_at,
      createdAt: now,
    })),
  );
}

/** A publish completes the group's open tasks and schedules the next weekly refresh from the pull time. */
export async function onSnapshotPublished(
  deps: TaskDeps,
  connection: ConnectionRow,
  group: "org" | "pay",
  snapshotId: string,
  retrievedAt: Date,
): Promise<void> {
  if (!needsOperations(connection)) return;
  const now = deps.clock.now();
  for (const task of await activeTasksOf(deps.db, connection.id, group)) {
    await updateTask(deps.db, task.id, { status: "done", completedAt: now, snapshotId });
  }
  const dueAt = addDays(retrievedAt, deps.config.sla.refreshDays);
  await insertTasks(deps.db, [
    { id: randomUUID(), connectionId: connection.id, group, kind: "refresh", status: "open", dueAt, createdAt: now },
  ]);
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor: "system",
    kind: "refresh_scheduled",
    fromStatus: null,
    toStatus: null,
    message: `Next ${group === "org" ? "census" : "pay"} refresh due ${dueAt.toISOString()}`,
    at: now,
  });
}

/** A disconnect cancels every open task of the connection. */
export async function cancelTasksOfConnection(deps: Pick<Deps, "db" | "clock">, connectionId: string): Promise<number> {
  return cancelActiveTasks(deps.db, connectionId, deps.clock.now());
}

/** Who acts on a task. */
export interface OperatorRef {
  userId: string;
}

async function movable(deps: Pick<Deps, "db">, taskId: string, to: TaskStatus): Promise<Result<TaskRow>> {
  const task = isUuid(taskId) ? await findTask(deps.db, taskId) : undefined;
  if (!task) return fail("not_found", "Task not found");
  if (!canMoveTask(task.status, to)) return fail("invalid_request", `A ${task.status} task cannot become ${to}`);
  return ok(task);
}

/** The answer when the task moved between reading it and moving it (another operator was quicker). */
const movedMeanwhile = () =>
  fail("invalid_request", "Someone else changed this task a moment ago; reload the queue to see where it stands");

/** Claim a task: it becomes in progress and assigned to the operator (one claim wins when two race). */
export async function claimTask(deps: Pick<Deps, "db" | "clock">, actor: OperatorRef, taskId: string): Promise<Result<true>> {
  const task = await movable(deps, taskId, "in_progress");
  if (!task.ok) return task;
  const patch = { status: "in_progress" as const, assigneeId: actor.userId, claimedAt: deps.clock.now() };
  return (await updateTaskFrom(deps.db, taskId, task.value.status, patch)) ? ok(true) : movedMeanwhile();
}

/** Release a task back to the queue. */
export async function releaseTask(deps: Pick<Deps, "db">, _actor: OperatorRef, taskId: string): Promise<Result<true>> {
  const task = await movable(deps, taskId, "open");
  if (!task.ok) return task;
  const patch = { status: "open" as const, assigneeId: null, claimedAt: null };
  return (await updateTaskFrom(deps.db, taskId, task.value.status, patch)) ? ok(true) : movedMeanwhile();
}

/** Give an active task to another operator. */
export async function reassignTask(
  deps: Pick<Deps, "db" | "clock">,
  _actor: OperatorRef,
  taskId: string,
  userId: string,
): Promise<Result<true>> {
  const task = isUuid(taskId) ? await findTask(deps.db, taskId) : undefined;
  if (!task) return fail("not_found", "Task not found");
  if (task.status !== "open" && task.status !== "in_progress") return fail("invalid_request", `A ${task.status} task cannot be reassigned`);
  const patch = { status: "in_progress" as const, assigneeId: userId, claimedAt: deps.clock.now() };
  return (await updateTaskFrom(deps.db, taskId, task.status, patch)) ? ok(true) : movedMeanwhile();
}
