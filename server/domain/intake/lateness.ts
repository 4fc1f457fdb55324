/** Expecting files: a report not delivered within its cadence + grace raises one follow-up and one event. */
import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import { findIntakeFile, listInboxes } from "../../db/repositories/intake.repository.js";
import {
  closeLateEpisodes,
  insertLateEpisode,
  lastArrivalsByGroup,
  listPullSources,
  openLateEpisodes,
} from "../../db/repositories/intake-sources.repository.js";
import { findTask, insertTasks, updateTask } from "../../db/repositories/tasks.repository.js";
import { type ProductGroup, productsByGroup } from "../assisted/sla.js";
import { addDays } from "../clock.js";
import type { Deps } from "../deps.js";
import { ok } from "../errors.js";
import { transactional } from "../transactional.js";
import { nextBusinessDay } from "./file-outcomes.js";
import { cadenceOf } from "./intake-view.js";

/** The Linnet extension event recorded when a scheduled report is late (sent to webhooks like `account.updated`). */
export const REPORT_LATE_EVENT = "intake.report_late";

/** Report kinds as the event and the status page name them. */
export const REPORT_KINDS: Record<ProductGroup, "census" | "payroll"> = { org: "census", pay: "payroll" };

/** A connection's expected deliveries: since when it has a source, and its cadence in days. */
interface Expectation {
  since: Date;
  cadenceDays: number;
}

async function expectations(deps: Pick<Deps, "db" | "config">): Promise<Map<string, Expectation>> {
  const out = new Map<string, Expectation>();
  for (const inbox of await listInboxes(deps.db))
    out.set(inbox.connectionId, { since: inbox.createdAt, cadenceDays: cadenceOf(deps, inbox.cadenceDays) });
  for (const pull of await listPullSources(deps.db)) {
    const inbox = out.get(pull.connectionId);
    // a pull source's own cadence wins; the earlier of the two sources starts the clock
    const since = inbox && inbox.since < pull.createdAt ? inbox.since : pull.createdAt;
    out.set(pull.connectionId, { since, cadenceDays: pull.cadenceDays ?? inbox?.cadenceDays ?? cadenceOf(deps, null) });
  }
  return out;
}

/**
 * Open a lateness episode for every connection and report kind whose last file (or, before the first, its source's
 * creation) is older than cadence + grace. Each episode raises, in one transaction, a follow-up task in the
 * operators' queue, an `intake.report_late` event and an activity entry; the open-episode index makes it once per
 * episode however often this runs. Returns how many episodes were opened.
 */
export async function detectLateReports(deps: Pick<Deps, "db" | "clock" | "config">): Promise<number> {
  const now = deps.clock.now();
  const arrivals = await lastArrivalsByGroup(deps.db);
  const open = new Set((await openLateEpisodes(deps.db)).map((e) => `${e.connectionId}|${e.group}`));
  let opened = 0;
  for (const [connectionId, expect] of await expectations(deps)) {
    const connection = await findConnection(deps.db, connectionId);
    if (!connection || connection.status === "disconnected") continue;
    const groups = productsByGroup(connection.products);
    for (const group of ["org", "pay"] as const) {
      const key = `${connectionId}|${group}`;
      if (groups[group].length === 0 || open.has(key)) continue;
      const last = arrivals.get(key) ?? null;
      const expectedAt = addDays(last ?? expect.since, expect.cadenceDays);
      if (now <= addDays(expectedAt, deps.config.intake.graceDays)) continue;
      const raised = await transactional(deps.db, async (tx) => {
        const episodeId = randomUUID();
        const taskId = randomUUID();
        if (!(await insertLateEpisode(tx, { id: episodeId, connectionId, group, expectedAt, openedAt: now, taskId, closedAt: null })))
          return ok(false);
        await insertTasks(tx, [
          { id: taskId, connectionId, group, kind: "late_file", status: "open", dueAt: nextBusinessDay(now), createdAt: now },
        ]);
        await insertEvent(tx, {
          type: REPORT_LATE_EVENT,
          applicationId: connection.applicationId,
          connectionId,
          createdAt: now,
          payload: { report_kind: REPORT_KINDS[group], expected_at: expectedAt.toISOString(), last_file_at: last?.toISOString() ?? null },
        });
        await insertActivity(tx, {
          connectionId,
          actor: "intake",
          kind: "intake_report_late",
          fromStatus: null,
          toStatus: null,
          message: `The ${REPORT_KINDS[group]} report expected ${expectedAt.toISOString()} has not arrived`,
          at: now,
        });
        return ok(true);
      });
      if (raised.ok && raised.value) opened += 1;
    }
  }
  return opened;
}

/**
 * A file of a known kind arrived: close that kind's open episode and complete its follow-up task. Call it inside the
 * transaction that decides the file.
 */
export async function closeLateOnArrival(deps: Pick<Deps, "db" | "clock">, fileId: string): Promise<number> {
  const file = await findIntakeFile(deps.db, fileId);
  if (!file?.group) return 0;
  const now = deps.clock.now();
  const closed = await closeLateEpisodes(deps.db, file.connectionId, file.group, now);
  for (const episode of closed) {
    const task = episode.taskId ? await findTask(deps.db, episode.taskId) : undefined;
    if (task && (task.status === "open" || task.status === "in_progress"))
      await updateTask(deps.db, task.id, { status: "done", completedAt: now });
    await insertActivity(deps.db, {
      connectionId: file.connectionId,
      actor: "intake",
      kind: "intake_report_arrived",
      fromStatus: null,
      toStatus: null,
      message: `The late ${REPORT_KINDS[file.group]} report arrived (${file.fileName})`,
      at: now,
    });
  }
  return closed.length;
}

/** The late reports of a connection, for the employer's status page. */
export async function lateReportsOf(
  deps: Pick<Deps, "db">,
  connectionId: string,
): Promise<{ report_kind: "census" | "payroll"; expected_at: string; late_since: string }[]> {
  return (await openLateEpisodes(deps.db, connectionId)).map((e) => ({
    report_kind: REPORT_KINDS[e.group],
    expected_at: e.expectedAt.toISOString(),
    late_since: e.openedAt.toISOString(),
  }));
}
