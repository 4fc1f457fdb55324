/** What the simulated month prints: its own late-file schedule, and the tally read back from the database. */

import { addDays } from "../../../server/domain/clock.js";
import type { Deps } from "../../../server/domain/deps.js";
import { formatTable, num } from "../table.js";
import { fileOutcomes, lateEvents, tasksOf } from "./intake-counts.js";
import type { Operators } from "./month-operator.js";
import type { Delivery, MonthOptions } from "./month-plan.js";

/**
 * The simulation's own count of late files: a report is late once no file of its kind arrived within cadence +
 * grace of the last one (the rule the source view shows). Stands in for the product's late-file job until it runs
 * in PERIODIC_JOBS (see month-jobs.ts).
 */
export class LateWatch {
  private readonly last = new Map<string, { at: Date; counted: boolean }>();
  constructor(
    private readonly cadenceDays: number,
    private readonly graceDays: number,
  ) {}

  /** A file of `kind` arrived for connection `i`. */
  arrived(i: number, kind: string, at: Date): void {
    this.last.set(`${i}:${kind}`, { at, counted: false });
  }

  /** How many reports became late by `now` (each counted once per missed file). */
  overdue(now: Date): number {
    let n = 0;
    for (const entry of this.last.values()) {
      if (entry.counted || addDays(entry.at, this.cadenceDays + this.graceDays).getTime() >= now.getTime()) continue;
      entry.counted = true;
      n++;
    }
    this.detected += n;
    return n;
  }

  /** Late reports counted so far. */
  detected = 0;
}

/** What the month's loop counted as it went. */
export interface MonthCounts {
  scheduled: number;
  resent: number;
  lateArrived: number;
  defective: Record<string, number>;
}

/** Print the month's figures and the machine-readable `RESULT` line. */
export async function printMonth(
  deps: Deps,
  run: {
    options: MonthOptions;
    counts: MonthCounts;
    operators: Operators;
    late: LateWatch;
    setupS: number;
    wallS: number;
    plan: Delivery[];
  },
): Promise<void> {
  const end = addDays(run.options.start, run.options.days).getTime();
  const files = await fileOutcomes(deps.db);
  const by = (status: string, operator?: boolean) =>
    files.filter((f) => f.status === status && (operator === undefined || (f.decidedBy !== null) === operator)).length;
  const tasks = await tasksOf(deps.db, ["refresh", "review"]);
  const due = (kind: string) => tasks.filter((t) => t.kind === kind && t.dueAt.getTime() < end);
  const onTime = (kind: string) => due(kind).filter((t) => t.completedAt !== null && t.completedAt.getTime() <= t.dueAt.getTime()).length;
  const refreshDue = due("refresh").length;
  const refreshOnTime = onTime("refresh");
  const reviews = tasks.filter((t) => t.kind === "review").length;
  const defective = Object.values(run.counts.defective).reduce((a, b) => a + b, 0);
  const t = run.operators.tally;
  const result = {
    connections: run.options.connections,
    days: run.options.days,
    planned: run.plan.length,
    filesReceived: files.length,
    scheduled: run.counts.scheduled,
    resent: run.counts.resent,
    defective,
    defectiveByKind: run.counts.defective,
    lateArrived: run.counts.lateArrived,
    latePlanned: run.plan.filter((d) => d.late).length,
    publishedAutomatically: by("published", false),
    publishedByOperator: by("published", true),
    heldNow: by("held"),
    rejectedByGate: by("rejected", false),
    rejectedByOperator: by("rejected", true),
    duplicates: by("duplicate"),
    receivedNow: by("received"),
    reviewTasks: reviews,
    refreshDue,
    refreshOnTime,
    slaMisses: refreshDue - refreshOnTime,
    overdueRaised: tasks.filter((x) => x.overdueAt !== null).length,
    reviewsLate: due("review").length - onTime("review"),
    lateDetectedBySchedule: run.late.detected,
    lateDetectedByProduct: await lateEvents(deps.db),
    operator: { ...t, total: run.operators.total() },
    cleanFileActions: t.falseHoldsPublished,
    wallS: Math.round(run.wallS),
  };
  const rows: [string, string][] = [
    ["files received (scheduled + re-sent)", `${result.filesReceived} (${result.scheduled} + ${result.resent})`],
    [
      "  defective (gate's reasons)",
      `${defective}: ${Object.entries(run.counts.defective)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    ],
    ["  late (3–5 days)", String(result.lateArrived)],
    ["published automatically", String(result.publishedAutomatically)],
    ["held for review (review tasks)", `${reviews} (still held at the end: ${result.heldNow})`],
    ["rejected: by the gate / by an operator", `${result.rejectedByGate} / ${result.rejectedByOperator}`],
    ["refreshes due / on time", `${refreshDue} / ${refreshOnTime} (${num((refreshOnTime * 100) / Math.max(1, refreshDue), 1)} %)`],
    ["SLA misses (refresh late or undone) / overdue raised", `${result.slaMisses} / ${result.overdueRaised}`],
    ["review tasks past their one-business-day due", String(result.reviewsLate)],
    [
      "late reports: simulation's schedule / product's job",
      `${result.lateDetectedBySchedule} / ${result.lateDetectedByProduct} (0 until the late-file job is in PERIODIC_JOBS)`,
    ],
    [
      "operator actions needed",
      `${result.operator.total}: defects rejected ${t.defectsRejected}, re-sends chased ${t.rejectedFollowUps}, late reminders ${t.lateReminders}, paused re-runs ${t.pausedRerun}, false holds ${t.falseHoldsPublished}`,
    ],
    ["  of them for clean, on-time files", String(result.cleanFileActions)],
    ["wall time (set-up)", `${num(run.wallS, 0)} s (${num(run.setupS, 0)} s)`],
  ];
  console.log(formatTable([{ title: "simulated month" }, { title: "", right: false }], rows));
  console.log(`RESULT ${JSON.stringify(result)}`);
}
