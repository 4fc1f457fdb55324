import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import { flagFollowUp, newlyOverdueTasks, unflaggedStalePending, updateTask } from "../../db/repositories/tasks.repository.js";
import { addDays } from "../clock.js";
import type { Deps } from "../deps.js";
import { ok } from "../errors.js";
import { transactional } from "../transactional.js";

/** What one scheduler pass did. */
export interface SchedulerPass {
  overdue: number;
  followUps: number;
}

/**
 * One pass of the operations scheduler (every minute on pg-boss, or called directly with a fake clock):
 * raise `task.overdue` once for each task past due, and flag assisted connections still pending after
 * `followUpDays` for follow-up. Each change and its event are written in one transaction.
 */
export async function runOperationsScheduler(deps: Pick<Deps, "db" | "clock" | "config">): Promise<SchedulerPass> {
  const now = deps.clock.now();
  let overdue = 0;
  for (const task of await newlyOverdueTasks(deps.db, now)) {
    const connection = await findConnection(deps.db, task.connectionId);
    if (!connection) continue;
    await transactional(deps.db, async (tx) => {
      await updateTask(tx, task.id, { overdueAt: now });
      await insertEvent(tx, {
        type: "task.overdue",
        applicationId: connection.applicationId,
        connectionId: connection.id,
        createdAt: now,
        payload: { task_id: task.id, group: task.group, kind: task.kind, due_at: task.dueAt.toISOString() },
      });
      await insertActivity(tx, {
        connectionId: connection.id,
        actor: "system",
        kind: "task_overdue",
        fromStatus: null,
        toStatus: null,
        message: `The ${task.kind} ${task.group === "org" ? "census" : "pay"} pull was due ${task.dueAt.toISOString()} and is overdue`,
        at: now,
      });
      return ok(true);
    });
    overdue++;
  }
  let followUps = 0;
  for (const connection of await unflaggedStalePending(deps.db, addDays(now, -deps.config.followUpDays))) {
    await transactional(deps.db, async (tx) => {
      await flagFollowUp(tx, connection.id, now);
      await insertEvent(tx, {
        type: "connection.follow_up",
        applicationId: connection.applicationId,
        connectionId: connection.id,
        createdAt: now,
        payload: { status: "pending" },
      });
      await insertActivity(tx, {
        connectionId: connection.id,
        actor: "system",
        kind: "follow_up",
        fromStatus: null,
        toStatus: null,
        message: `Still pending after ${deps.config.followUpDays} days: follow up with the employer`,
        at: now,
      });
      return ok(true);
    });
    followUps++;
  }
  return { overdue, followUps };
}
