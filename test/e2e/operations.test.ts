import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpsConnection, Task } from "../../contracts/linnet/ops.js";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import { updateTaskFrom } from "../../server/db/repositories/tasks.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { createManualJob } from "../../server/domain/assisted/manual-jobs.js";
import { runOperationsScheduler } from "../../server/domain/assisted/scheduler.js";
import { claimTask } from "../../server/domain/assisted/tasks.js";
import { DAY_MS } from "../../server/domain/clock.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let other: ConsoleBrowser;

// No job workers: the scheduler passes below are the test's own, so what each pass raised is exact (the worker's
// per-minute scheduler on the same manual clock could otherwise raise an overdue task just before the test's pass).
beforeAll(async () => {
  server = await startTestServer({}, { role: "api" });
  app = await server.createApp({ name: "Benefit Co" });
  ops = await signInConsole(server, "ops@linnet.test", "operator");
  other = await signInConsole(server, "ops2@linnet.test", "operator");
});
afterAll(() => server.close());

const assisted = (
  provider: string,
  products = ["company", "directory", "individual", "employment", "payment", "pay_statement"],
  customer_id?: string,
) =>
  connectEmployer(server.url, app, {
    products,
    customer_id,
    choice: { provider_id: provider, auth_method: "assisted", access_granted: false },
  });
const tasksOf = async (connectionId: string) => (await ops.call<OpsConnection>("GET", `/ops/api/connections/${connectionId}`)).body.tasks;

describe("the work queue", () => {
  it("opens initial tasks due by the SLA rules: 14 days census, 6 weeks pay, 14 days pay when pay-enabled", async () => {
    const slow = await assisted("ascentis"); // not pay-enabled
    const fast = await assisted("paychex_flex"); // pay-enabled
    const census = await assisted("bob", ["company", "directory"]);
    const days = (t: Task, createdAt: string) => Math.round((Date.parse(t.due_at) - Date.parse(createdAt)) / DAY_MS);
    for (const [conn, expected] of [
      [slow, { org: 14, pay: 42 }],
      [fast, { org: 14, pay: 14 }],
      [census, { org: 14 }],
    ] as const) {
      const view = (await ops.call<OpsConnection>("GET", `/ops/api/connections/${conn.connection_id}`)).body;
      const byGroup = Object.fromEntries(view.tasks.map((t) => [t.group, days(t, view.created_at)]));
      expect(byGroup).toEqual(expected);
      expect(view.tasks.every((t) => t.kind === "initial" && t.status === "open" && t.sla === "on_track")).toBe(true);
    }
  });

  it("lists, filters, claims, releases and reassigns; only operators may, and writes need the CSRF token", async () => {
    const conn = await assisted("paylocity", ["company", "directory"], "queue-customer");
    const list = await ops.call<{ tasks: Task[]; total: number }>("GET", "/ops/api/tasks?provider=paylocity&sort=due_asc");
    const task = list.body.tasks.find((t) => t.connection_id === conn.connection_id)!;
    expect(task).toMatchObject({
      customer_name: "Acme Inc",
      provider: { id: "paylocity", display_name: "Paylocity" },
      application_name: "Benefit Co",
      status: "open",
    });

    const claimed = await ops.call<Task>("POST", `/ops/api/tasks/${task.id}/claim`);
    expect(claimed.body).toMatchObject({ status: "in_progress", assignee: { id: ops.userId, email: "ops@linnet.test" } });
    const mine = await ops.call<{ tasks: Task[] }>("GET", "/ops/api/tasks?assignee=me");
    expect(mine.body.tasks.map((t) => t.id)).toContain(task.id);
    const reassigned = await ops.call<Task>("POST", `/ops/api/tasks/${task.id}/reassign`, { body: { user_id: other.userId } });
    expect(reassigned.body.assignee?.id).toBe(other.userId);
    const released = await ops.call<Task>("POST", `/ops/api/tasks/${task.id}/release`);
    expect(released.body).toMatchObject({ status: "open", assignee: null });
    expect((await ops.call("POST", `/ops/api/tasks/${task.id}/release`)).status).toBe(400); // open → open is not a move

    const noCsrf = await http(server.url, "POST", `/ops/api/tasks/${task.id}/claim`, { headers: { cookie: ops.cookie } });
    expect(noCsrf.status).toBe(403);
    const dev = await signInConsole(server, "dev@linnet.test", "developer");
    expect((await dev.call("GET", "/ops/api/tasks")).status).toBe(403);
    expect((await http(server.url, "GET", "/ops/api/tasks")).status).toBe(401);

    const summary = await ops.call<{ by_status: Record<string, number>; by_sla: Record<string, number> }>("GET", "/ops/api/tasks/summary");
    expect(summary.body.by_status.open).toBeGreaterThan(0);
    expect(summary.body.by_sla.on_track).toBeGreaterThan(0);
  });
  it("of two operators claiming one task at once, exactly one gets it", async () => {
    const conn = await assisted("paylocity", ["company", "directory"]);
    const [task] = await tasksOf(conn.connection_id);
    const deps = server.linnet.deps;
    const results = await Promise.all([ops, other].map((who) => claimTask(deps, { userId: who.userId }, task!.id)));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const winner = results[0]!.ok ? ops : other;
    expect((await tasksOf(conn.connection_id)).find((t) => t.id === task!.id)?.assignee?.id).toBe(winner.userId);
    // whichever way the two interleaved, the move itself checks the status it starts from: a claim that read the
    // task while it was open cannot overwrite a claim made since
    const stale = await updateTaskFrom(deps.db, task!.id, "open", {
      status: "in_progress",
      assigneeId: ops.userId === winner.userId ? other.userId : ops.userId,
    });
    expect(stale).toBe(false);
    expect((await tasksOf(conn.connection_id)).find((t) => t.id === task!.id)?.assignee?.id).toBe(winner.userId);
  });
});

describe("publishing and the weekly refresh", () => {
  it("a publish completes the initial task, connects the connection and schedules a refresh 7 days after the pull", async () => {
    const conn = await assisted("adp_workforce_now", ["company", "directory"]);
    const pulledAt = server.clock.now();
    const published = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(4), {
      source: `operator:${ops.userId}`,
      retrievedAt: pulledAt,
    });
    expect(published.ok).toBe(true);
    const tasks = await tasksOf(conn.connection_id);
    const initial = tasks.find((t) => t.kind === "initial")!;
    const refresh = tasks.find((t) => t.kind === "refresh")!;
    expect(initial.status).toBe("done");
    expect(refresh).toMatchObject({ status: "open", group: "org" });
    expect(Date.parse(refresh.due_at) - pulledAt.getTime()).toBe(7 * DAY_MS);
    const view = (await ops.call<OpsConnection>("GET", `/ops/api/connections/${conn.connection_id}`)).body;
    expect(view.status).toBe("connected");
    expect(view.snapshots[0]).toMatchObject({ group: "org", version: 1, current: true });
    expect(view.activity.some((a) => a.kind === "refresh_scheduled")).toBe(true);
  });
});

describe("the scheduler, with a fake clock", () => {
  it("raises overdue tasks once, and flags connections pending too long", async () => {
    const conn = await assisted("paycom", ["company", "directory"]);
    const first = await runOperationsScheduler(server.linnet.deps);
    expect(first.overdue).toBe(0);
    server.clock.advance(4 * DAY_MS);
    const day4 = await runOperationsScheduler(server.linnet.deps);
    expect(day4.followUps).toBeGreaterThan(0);
    expect((await findConnection(server.linnet.deps.db, conn.connection_id))?.followUpAt).not.toBeNull();
    server.clock.advance(11 * DAY_MS); // 15 days: past the 14-day census SLA
    ops = await signInConsole(server, "ops@linnet.test", "operator"); // the old session idled out meanwhile
    const day15 = await runOperationsScheduler(server.linnet.deps);
    expect(day15.overdue).toBeGreaterThan(0);
    const again = await runOperationsScheduler(server.linnet.deps);
    expect(again.overdue).toBe(0); // raised once
    const overdue = await ops.call<{ tasks: Task[] }>("GET", "/ops/api/tasks?overdue=true");
    const task = overdue.body.tasks.find((t) => t.connection_id === conn.connection_id)!;
    expect(task.sla).toBe("overdue");
    expect(task.due_in_ms).toBeLessThan(0);
    const view = (await ops.call<OpsConnection>("GET", `/ops/api/connections/${conn.connection_id}`)).body;
    expect(view.activity.map((a) => a.kind)).toEqual(expect.arrayContaining(["task_overdue", "follow_up"]));
  });
});

describe("connection status by operators", () => {
  it("moves with a reason, refuses connecting without data, and a disconnect cancels open tasks", async () => {
    const conn = await assisted("gusto", ["company", "directory"]);
    const moved = await ops.call<OpsConnection>("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "error_no_account_setup", reason: "No invite after three reminders" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("error_no_account_setup");
    expect(moved.body.activity[0]).toMatchObject({
      actor: `user:${ops.userId}`,
      to_status: "error_no_account_setup",
      message: "No invite after three reminders",
    });
    expect((await http(server.url, "GET", "/introspect", { bearer: conn.access_token })).body).toMatchObject({
      connection_status: { status: "error_no_account_setup" },
    });
    const refused = await ops.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "connected", reason: "x" },
    });
    expect(refused.status).toBe(400);
    const illegal = await ops.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "reauth", reason: "x" },
    });
    expect(illegal.status).toBe(400);
    const gone = await ops.call<OpsConnection>("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "disconnected", reason: "Employer left" },
    });
    expect(gone.body.status).toBe("disconnected");
    expect(gone.body.tasks.every((t) => t.status === "cancelled")).toBe(true);
    expect((await http(server.url, "GET", "/introspect", { bearer: conn.access_token })).status).toBe(401);
  });

  it("losing access after data was published is a failed pull: the data stays served, the headers say error", async () => {
    const conn = await assisted("paylocity", ["company", "directory"]);
    const pulledAt = server.clock.now();
    expect(
      (
        await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(2), {
          source: `operator:${ops.userId}`,
          retrievedAt: pulledAt,
        })
      ).ok,
    ).toBe(true);
    const before = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect([before.headers.get("finch-last-attempted-update-date"), before.headers.get("finch-last-attempted-update-result")]).toEqual([
      pulledAt.toISOString(),
      "success",
    ]);
    server.clock.advance(7 * DAY_MS);
    ops = await signInConsole(server, "ops@linnet.test", "operator"); // the old session idled out meanwhile
    const noPay = await ops.call<{ message: string }>("POST", `/ops/api/connections/${conn.connection_id}/pull-failures`, {
      body: { group: "pay", reason: "x" },
    });
    expect([noPay.status, noPay.body.message]).toEqual([400, "group: this connection has no pay products"]);
    const moved = await ops.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "error_permissions", reason: "Our admin user was removed" },
    });
    expect(moved.status).toBe(200);
    const after = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(after.status).toBe(200);
    expect(after.headers.get("finch-data-retrieved")).toBe(pulledAt.toISOString());
    expect([after.headers.get("finch-last-attempted-update-date"), after.headers.get("finch-last-attempted-update-result")]).toEqual([
      server.clock.now().toISOString(),
      "error",
    ]);
  });

  it("an operator records a failed pull of one group; the connection stands and the data stays served", async () => {
    const conn = await assisted("paycor", ["company", "directory", "payment"]);
    const pulledAt = server.clock.now();
    expect(
      (
        await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(2), {
          source: `operator:${ops.userId}`,
          retrievedAt: pulledAt,
        })
      ).ok,
    ).toBe(true);
    server.clock.advance(DAY_MS);
    ops = await signInConsole(server, "ops@linnet.test", "operator"); // the old session idled out meanwhile
    const path = `/ops/api/connections/${conn.connection_id}/pull-failures`;
    expect((await ops.call("POST", path.replace(conn.connection_id, "nope"), { body: { group: "org", reason: "x" } })).status).toBe(404);
    const blank = await ops.call<{ message: string }>("POST", path, { body: { group: "org", reason: "   " } });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toMatch(/reason/);
    expect((await ops.call("POST", path, { body: { group: "benefits", reason: "x" } })).status).toBe(400);

    const recorded = await ops.call<OpsConnection>("POST", path, { body: { group: "org", reason: "Paycor was down for maintenance" } });
    expect(recorded.status).toBe(200);
    expect(recorded.body.status).toBe("connected");
    expect(recorded.body.last_attempts).toEqual({ org: { at: server.clock.now().toISOString(), result: "error" }, pay: null });
    expect(recorded.body.activity[0]).toMatchObject({
      kind: "pull_failed",
      actor: `user:${ops.userId}`,
      message: "Could not pull organization data: Paycor was down for maintenance",
    });
    const read = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(read.status).toBe(200);
    expect(read.headers.get("finch-data-retrieved")).toBe(pulledAt.toISOString());
    expect(read.headers.get("finch-last-attempted-update-result")).toBe("error");
    // the next successful pull clears it
    expect(
      (
        await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(2), {
          source: `operator:${ops.userId}`,
          retrievedAt: server.clock.now(),
        })
      ).ok,
    ).toBe(true);
    expect(
      (await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token })).headers.get(
        "finch-last-attempted-update-result",
      ),
    ).toBe("success");
  });
});

describe("manual jobs", () => {
  it("queued for operators, due in two business days, followed through GET /jobs/manual/{id}", async () => {
    const conn = await assisted("paychex_flex", ["company", "directory", "benefits"]);
    const connection = (await findConnection(server.linnet.deps.db, conn.connection_id))!;
    const job = await createManualJob(server.linnet.deps, connection, "benefit_enroll", {
      benefit: "401k",
      individuals: [{ individual_id: "i-1", employee_deduction: { amount: 500, type: "fixed" } }],
    });
    const dueDays = (job.dueAt.getTime() - job.createdAt.getTime()) / DAY_MS;
    expect(dueDays).toBeGreaterThanOrEqual(2);
    expect(dueDays).toBeLessThanOrEqual(4);
    expect((await http(server.url, "GET", `/jobs/manual/${job.id}`, { bearer: conn.access_token })).body).toEqual({
      job_id: job.id,
      status: "pending",
      body: null,
    });
    const listed = await ops.call<{ jobs: { job_id: string }[] }>("GET", "/ops/api/manual-jobs");
    expect(listed.body.jobs.map((j) => j.job_id)).toContain(job.id);
    expect((await ops.call("POST", `/ops/api/manual-jobs/${job.id}/start`)).body).toMatchObject({
      status: "in_progress",
      assignee: { id: ops.userId },
    });
    const items = [{ individual_id: "i-1", code: 201, message: "Enrolled in 401k" }];
    const done = await ops.call("POST", `/ops/api/manual-jobs/${job.id}/complete`, { body: { status: "complete", body: items } });
    expect(done.body).toMatchObject({ status: "complete", body: items });
    expect((await http(server.url, "GET", `/jobs/manual/${job.id}`, { bearer: conn.access_token })).body).toEqual({
      job_id: job.id,
      status: "complete",
      body: items,
    });
    expect((await ops.call("POST", `/ops/api/manual-jobs/${job.id}/start`)).status).toBe(400);
    const ids = async (status?: string) =>
      (await ops.call<{ jobs: { job_id: string }[] }>("GET", `/ops/api/manual-jobs${status ? `?status=${status}` : ""}`)).body.jobs.map(
        (j) => j.job_id,
      );
    expect(await ids()).not.toContain(job.id); // the default list holds open jobs only
    expect(await ids("any")).toContain(job.id);
    expect(await ids("complete")).toContain(job.id);
    const stranger = await connectEmployer(server.url, app, { choice: { provider_id: "paycom", auth_method: "assisted" } });
    expect((await http(server.url, "GET", `/jobs/manual/${job.id}`, { bearer: stranger.access_token })).status).toBe(404);
  });
});
