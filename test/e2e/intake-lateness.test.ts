import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmployerStatusSchema } from "../../contracts/linnet/connect-flow.js";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { processIntakeFile } from "../../server/commands/process-intake-file.js";
import { listEventsOfConnection } from "../../server/db/repositories/events.repository.js";
import { tasksOfConnection } from "../../server/db/repositories/tasks.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { DAY_MS } from "../../server/domain/clock.js";
import { detectLateReports } from "../../server/domain/intake/lateness.js";
import { receiveFile } from "../../server/domain/intake/receive-file.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import { launchBrowser } from "../support/browser.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { eventually, fixture } from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf } from "../support/webhooks.js";

/** Expecting files: a report later than cadence + grace raises one task and one event, and the status page says so. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let receiver: WebhookReceiver & { close(): Promise<void> };
let browser: BrowserContext | undefined;
const shots = process.env.LINNET_SCREENSHOT_DIR ?? "/work/shots/i13src";

// No job workers: the lateness passes below are the test's own, so each pass's count is exact (the worker's per-minute
// intake schedule on the same manual clock could otherwise raise the late report just before the test's pass).
beforeAll(async () => {
  server = await startTestServer({}, { role: "api" });
  app = await server.createApp({ name: "Benefits Hub" });
  ops = await signInConsole(server, "ops@linnet.test", "operator");
  receiver = await startReceiver();
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

async function statusOf(statusUrl: string) {
  const token = statusUrl.split("/").pop()!;
  const res = await http(server.url, "GET", `/connect/api/status/${token}`);
  expect(res.status, res.text).toBe(200);
  return EmployerStatusSchema.parse(res.body);
}

describe("late scheduled reports", () => {
  it("late → one follow-up task, one intake.report_late event (webhook) and the status page line; the file's arrival closes it", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Harbor Pine Outfitters",
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    const deps = server.linnet.deps;
    const dev = await developerOf(server, app.client_id, "dev@late.test");
    await createEndpoint(dev, app.client_id, receiver.url, ["intake.report_late"]);
    // the operator's first pull by hand makes the census recipe; then the inbox opens (the cadence clock starts)
    const up = await http<UploadView>(
      server.url,
      "POST",
      `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=census.csv`,
      {
        raw: fixture("adp-wfn-census.csv") as unknown as string,
        headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
      },
    );
    expect((await ops.call("POST", `/ops/api/uploads/${up.body.id}/publish`, { body: {} })).status).toBe(200);
    expect((await ops.call("POST", `/ops/api/connections/${conn.connection_id}/inbox/password`)).status).toBe(200);
    const lateTasks = async () => (await tasksOfConnection(deps.db, conn.connection_id)).filter((t) => t.kind === "late_file");
    const lateEvents = async () =>
      (await listEventsOfConnection(deps.db, conn.connection_id)).filter((e) => e.type === "intake.report_late");

    // weekly cadence + 2 days' grace: after 8 days it is not late yet
    server.clock.advance(8 * DAY_MS);
    expect(await detectLateReports(deps)).toBe(0);
    expect((await statusOf(conn.status_url!)).late_reports).toEqual([]);

    server.clock.advance(DAY_MS + 60_000);
    expect(await detectLateReports(deps)).toBe(1);
    expect(await detectLateReports(deps)).toBe(0); // once per episode, not every run
    server.clock.advance(3_600_000);
    expect(await detectLateReports(deps)).toBe(0);
    expect((await lateTasks()).map((t) => [t.group, t.status])).toEqual([["org", "open"]]);
    const events = await lateEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ report_kind: "census", last_file_at: null });
    const late = (await statusOf(conn.status_url!)).late_reports;
    expect(late.map((l) => l.report_kind)).toEqual(["census"]);

    await eventually(async () => {
      await runWebhookDispatch(deps);
      return receiver.received.length > 0;
    }, "the late-report webhook");
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      event_type: "intake.report_late",
      connection_id: conn.connection_id,
      data: { report_kind: "census" },
    });

    // the employer's status page says which report is late (desktop and phone)
    browser = await launchBrowser({ width: 1280, height: 900 });
    const page = await browser.newPage();
    await page.goto(conn.status_url!);
    const line = page.getByTestId("late-census");
    await line.waitFor();
    expect(await line.innerText()).toContain("employee census was expected");
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "status-late-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, "status-late-390.png"), fullPage: true });

    // the census arrives: the episode closes, its task is done, the page no longer says late
    const bytes = Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Marketing Manager", "Head of Marketing"));
    const received = await receiveFile(deps, conn.connection_id, { channel: "api", fileName: "census.csv", bytes });
    if (!received.ok) throw received.error;
    expect(await processIntakeFile(deps, received.value.id)).toEqual({ ok: true, value: "published" });
    expect((await statusOf(conn.status_url!)).late_reports).toEqual([]);
    expect((await lateTasks()).map((t) => t.status)).toEqual(["done"]);
    await page.reload();
    await page.getByTestId("status-message").waitFor();
    expect(await page.getByTestId("late-reports").count()).toBe(0);
    expect(await detectLateReports(deps)).toBe(0);
    expect(await lateEvents()).toHaveLength(1);

    // a week + grace after that arrival, a new episode opens
    server.clock.advance(9 * DAY_MS + 60_000);
    expect(await detectLateReports(deps)).toBe(1);
    expect((await lateEvents()).at(-1)!.payload).toMatchObject({ report_kind: "census", last_file_at: expect.any(String) });
  });
});
