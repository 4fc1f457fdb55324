import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planMonth } from "../../scripts/bench/intake/month-plan.js";

/** The intake benchmark and the simulated month run at a tiny size and print counts that add up (no timings asserted). */
const root = path.resolve(import.meta.dirname, "../..");

/** A `RESULT` line's JSON: numbers, and objects of numbers. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON a script printed; each assertion names its fields
type Printed = Record<string, any>;

/** Run a benchmark script and parse its `RESULT {json}` line. */
function runScript(script: string, args: string[]): Promise<Printed> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: root, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`${script} failed: ${err.message}\n${stdout}\n${stderr}`));
        const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
        if (!line) return reject(new Error(`${script} printed no RESULT line:\n${stdout}`));
        resolve(JSON.parse(line.slice("RESULT ".length)));
      },
    );
  });
}

describe("simulate:month", () => {
  it("plans the same month from the same seed, with the exact shares of defective and late deliveries", () => {
    const o = { connections: 40, days: 30, defectivePct: 5, latePct: 2, seed: 7, start: new Date("2026-01-05T00:00:00Z") };
    const a = planMonth(o);
    expect(planMonth(o)).toEqual(a);
    expect(a.filter((d) => d.defect).length).toBe(Math.round(a.length * 0.05));
    expect(a.filter((d) => d.late).length).toBe(Math.round(a.length * 0.02));
    expect(a.every((d) => !(d.late && d.defect))).toBe(true);
    expect(planMonth({ ...o, seed: 8 }).map((d) => d.defect)).not.toEqual(a.map((d) => d.defect));
  });

  it("3 connections, 1 week, many defects: every file is accounted for and clean files need no operator", async () => {
    const r = await runScript("scripts/bench/intake/simulate-month.ts", [
      "--connections",
      "3",
      "--days",
      "7",
      "--defective-pct",
      "30",
      "--late-pct",
      "15",
    ]);
    expect(r.filesReceived).toBe(r.scheduled + r.resent);
    expect(
      r.publishedAutomatically + r.publishedByOperator + r.heldNow + r.rejectedByGate + r.rejectedByOperator + r.duplicates + r.receivedNow,
    ).toBe(r.filesReceived);
    expect(r.receivedNow).toBe(0);
    expect(r.defective).toBe(Math.round(r.planned * 0.3));
    expect(r.defective).toBeGreaterThan(0);
    // unreadable files are the corrupt ones and only those; every other defect was held and reviewed (or still is)
    expect(r.rejectedByGate).toBe(r.defectiveByKind.corrupt);
    expect(r.operator.defectsRejected + r.heldNow).toBeGreaterThanOrEqual(r.defective - r.defectiveByKind.corrupt);
    expect(r.reviewTasks).toBeGreaterThanOrEqual(r.operator.defectsRejected);
    expect(r.rejectedByOperator).toBe(r.operator.defectsRejected);
    expect(r.resent).toBeLessThanOrEqual(r.operator.defectsRejected + r.operator.rejectedFollowUps);
    expect(r.cleanFileActions).toBe(0);
    expect(r.operator.total).toBe(
      r.operator.defectsRejected +
        r.operator.falseHoldsPublished +
        r.operator.pausedRerun +
        r.operator.rejectedFollowUps +
        r.operator.lateReminders,
    );
    expect(r.refreshOnTime + r.slaMisses).toBe(r.refreshDue);
    expect(r.slaMisses).toBeGreaterThan(0); // a defect or a late file leaves a weekly refresh undone on its day
    expect(r.operator.lateReminders).toBe(r.lateDetectedBySchedule);
    expect(r.lateDetectedBySchedule).toBeLessThanOrEqual(r.latePlanned);
    expect(r.scheduled).toBeLessThanOrEqual(r.planned);
    expect(r.scheduled).toBeGreaterThanOrEqual(r.planned - r.latePlanned);
  }, 600_000);
});

describe("bench:intake", () => {
  it("3 connections deliver over the files API and over SFTP: every file decided, all published, no operator action", async () => {
    const r = await runScript("scripts/bench/intake/bench-intake.ts", ["--connections", "3", "--people", "25"]);
    expect(r.failures).toBe(0);
    for (const channel of [r.api, r.sftp]) {
      expect(channel.files).toBe(6);
      expect(channel.published).toBe(6);
      expect(channel.allDecidedMs).toBeGreaterThan(0);
    }
    expect(r.actions).toBe(0);
    expect(r.reviews).toBe(0);
    expect(r.ratio).toBeGreaterThan(0);
    expect(r.peakRssMiB).toBeGreaterThan(0);
  }, 600_000);
});
