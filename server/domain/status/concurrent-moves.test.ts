import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminQuery, databaseUrlFor } from "../../../test/support/global-setup.js";
import { type Database, openDatabase } from "../../db/client.js";
import { insertAutomatedJob } from "../../db/repositories/automated-jobs.repository.js";
import { insertBenefitJob } from "../../db/repositories/benefits.repository.js";
import { insertManualJob } from "../../db/repositories/manual-jobs.repository.js";
import { listStatusTransitions } from "../../db/repositories/status-transitions.repository.js";
import { transitionManualJob } from "../assisted/manual-job-machine.js";
import { transitionBenefitJob } from "../benefits/benefit-job-machine.js";
import { ManualClock } from "../clock.js";
import { transitionAutomatedJob } from "../data-syncs/automated-job-machine.js";
import { TransitionRefused } from "./machine.js";

/*
 * Two moves from the same state, started together on a real database (the suite's PostgreSQL, or PGlite): the
 * conditional update lets exactly one win; the other is refused as stale and records nothing.
 */

let database: Database;
let drop: () => Promise<void> = async () => {};
const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));

beforeAll(async () => {
  const serverUrl = inject("databaseUrl");
  if (serverUrl) {
    const name = `linnet_t_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name) });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    database = await openDatabase({ dataDir: "memory://", loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) });
  }
});

afterAll(async () => {
  await database?.close();
  await drop();
});

/** Exactly one success, and the loser a stale refusal. */
function oneWins(results: { ok: boolean; error?: unknown }[]): void {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.find((r) => !r.ok);
  expect(lost?.error).toBeInstanceOf(TransitionRefused);
  expect(lost?.error).toMatchObject({ kind: "stale" });
}

describe("concurrent moves from one state", () => {
  it("automated job: two workers take a pending job, one wins and one move is recorded", async () => {
    const deps = { db: database.db, clock };
    const id = randomUUID();
    await insertAutomatedJob(deps.db, {
      id,
      connectionId: randomUUID(),
      type: "data_sync_all",
      status: "pending",
      params: null,
      createdAt: clock.now(),
      scheduledAt: null,
    });
    const results = await Promise.all(
      [1, 2].map(() => transitionAutomatedJob(deps, { id }, "pending", "in_progress", { startedAt: clock.now() })),
    );
    oneWins(results);
    expect((await listStatusTransitions(deps.db, "automated_job", id)).map((t) => [t.fromStatus, t.toStatus])).toEqual([
      ["pending", "in_progress"],
    ]);
    // an illegal move is refused without a write
    const illegal = await transitionAutomatedJob(deps, { id }, "in_progress", "pending");
    expect(illegal.ok === false && illegal.error).toMatchObject({ kind: "illegal", entity: "automated_job" });
  });

  it("deduction job: completing and failing a pending job together, one wins", async () => {
    const deps = { db: database.db, clock };
    const id = randomUUID();
    const job = { id, status: "pending" as const };
    await insertBenefitJob(deps.db, {
      id,
      connectionId: randomUUID(),
      applicationId: randomUUID(),
      type: "benefit_update",
      mode: "automated",
      benefitId: randomUUID(),
      status: "pending",
      request: { description: "Dental" },
      body: null,
      verificationState: null,
      verification: null,
      createdAt: clock.now(),
      completedAt: null,
    });
    const results = await Promise.all([
      transitionBenefitJob(deps, job, "complete", { completedAt: clock.now() }),
      transitionBenefitJob(deps, job, "error", { completedAt: clock.now() }),
    ]);
    oneWins(results);
    const history = await listStatusTransitions(deps.db, "benefit_job", id);
    expect(history).toHaveLength(1);
    expect(history[0]?.fromStatus).toBe("pending");
  });

  it("manual job: two operators start the same job, one wins", async () => {
    const deps = { db: database.db };
    const id = randomUUID();
    await insertManualJob(deps.db, {
      id,
      connectionId: randomUUID(),
      type: "benefit_update",
      status: "pending",
      request: {},
      body: null,
      dueAt: clock.now(),
      createdAt: clock.now(),
    });
    const results = await Promise.all(
      [1, 2].map(() => transitionManualJob(deps, { id, status: "pending" }, "in_progress", { assigneeId: randomUUID() })),
    );
    oneWins(results);
  });

  it("the database refuses a status outside the column's values (CHECK constraint)", async () => {
    const id = randomUUID();
    await expect(
      database.executeSql(
        `insert into automated_jobs (id, connection_id, type, status, created_at) values ('${id}', '${randomUUID()}', 'data_sync_all', 'paused', now())`,
      ),
    ).rejects.toThrow(/check constraint/i);
  });
});
