import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeFileSchema, IntakeSourceSchema } from "../../contracts/linnet/intake.js";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { sweepReceivedFiles } from "../../server/commands/sweep-intake-files.js";
import { activeTasksOf } from "../../server/db/repositories/tasks.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addDays } from "../../server/domain/clock.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import type { SftpServer } from "../../server/intake/sftp/sftp-server.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import {
  type CapturedLog,
  captureLog,
  eventually,
  fixture,
  makeKeyPair,
  openSshSftp,
  sshPut,
  startTestSftp,
  tempDir,
  withSsh,
} from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf } from "../support/webhooks.js";

/** Scheduled reports delivered over SFTP by real clients are published with no operator action. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let sftp: SftpServer;
let log: CapturedLog;
let receiver: WebhookReceiver & { close(): Promise<void> };
const dir = tempDir();

/** ADP custom reports put title rows above the header. */
function withTitleRows(csv: Buffer): Buffer {
  return Buffer.concat([Buffer.from("Harbor Pine Outfitters\r\nEmployee Census (scheduled)\r\nRun 12/04/2026 06:00\r\n\r\n"), csv]);
}

/** The register's next pay period: later pay dates, new check numbers. */
function nextRegister(): Buffer {
  return Buffer.from(
    fixture("adp-wfn-payroll-register.csv")
      .toString("utf8")
      .replaceAll("01/26/2024", "02/23/2024")
      .replaceAll("01/12/2024", "02/09/2024")
      .replace(/,1004(\d\d),/g, ",1014$1,"),
  );
}

async function publishByHand(connectionId: string, group: "org" | "pay", name: string, bytes: Buffer) {
  const up = await http<UploadView>(server.url, "POST", `/ops/api/connections/${connectionId}/uploads?group=${group}&file_name=${name}`, {
    raw: bytes as unknown as string,
    headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
  });
  expect(up.status).toBe(201);
  expect(
    (await ops.call("POST", `/ops/api/uploads/${up.body.id}/publish`, { body: { retrieved_at: "2026-11-20T09:30:00.000Z" } })).status,
  ).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  ops = await signInConsole(server, "ops@linnet.test", "operator");
  log = captureLog();
  sftp = await startTestSftp(server, log);
  receiver = await startReceiver();
});
afterAll(async () => {
  await sftp?.close();
  await receiver?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("scheduled reports over SFTP", () => {
  it("OpenSSH sftp -b delivers a census and the ssh2 client a payroll register: both published, webhooks fire, the next refresh is due", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    const dev = await developerOf(server, app.client_id, "dev@acme.test");
    await createEndpoint(dev, app.client_id, receiver.url);
    // the operator's first pull by hand: its mappings become the recipes
    await publishByHand(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv"));
    await publishByHand(conn.connection_id, "pay", "register.csv", fixture("adp-wfn-payroll-register.csv"));
    const hooksBefore = receiver.received.length;

    const opened = await ops.call<{ username: string; password: string }>(
      "POST",
      `/ops/api/connections/${conn.connection_id}/inbox/password`,
    );
    expect(opened.status).toBe(200);
    expect(opened.body.password.length).toBeGreaterThanOrEqual(20);
    const keys = await makeKeyPair(dir);
    const updated = await ops.call("PATCH", `/ops/api/connections/${conn.connection_id}/inbox`, {
      body: { public_keys: [keys.publicLine] },
    });
    expect(updated.status, updated.text).toBe(200);
    const source = IntakeSourceSchema.parse(updated.body);
    expect(source.recipes.map((r) => r.group).sort()).toEqual(["org", "pay"]);
    expect(source.inbox?.public_keys).toHaveLength(1);

    // a census with one changed title, a week later, title rows above the header
    server.clock.advance(7 * 86_400_000);
    const census = withTitleRows(
      Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Marketing Manager", "Head of Marketing")),
    );
    fs.writeFileSync(path.join(dir, "Census Report.csv"), census);
    const put = await openSshSftp(sftp.port, opened.body.username, keys.keyFile, ['put "Census Report.csv"', "ls -l", "bye"], dir);
    expect(put.output).toContain("Census Report.csv");
    expect(put.code).toBe(0);
    const arrivedAt = server.clock.now();

    await withSsh(sftp.port, opened.body.username, opened.body.password, (client) =>
      sshPut(client, "/payroll-register.csv", nextRegister()),
    );
    await sweepReceivedFiles(server.linnet.deps, { olderThanMs: -1 });
    ops = await signInConsole(server, "ops@linnet.test", "operator"); // a week later: a fresh console session

    const files = await ops.call<{ files: unknown[] }>("GET", `/ops/api/intake/files?connection_id=${conn.connection_id}`);
    expect(files.status).toBe(200);
    const list = files.body.files.map((f) => IntakeFileSchema.parse(f));
    expect(list.map((f) => [f.file_name, f.status, f.channel])).toEqual([
      ["payroll-register.csv", "published", "sftp"],
      ["Census Report.csv", "published", "sftp"],
    ]);
    expect(list[1]!.verdict.every((l) => l.ok)).toBe(true);

    const dirRes = await http<{ individuals: unknown[] }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(dirRes.status).toBe(200);
    expect(dirRes.headers.get("finch-data-retrieved")).toBe(arrivedAt.toISOString());
    const payments = await http<{ pay_date: string }[]>(server.url, "GET", "/employer/payment?start_date=2024-02-01&end_date=2024-03-01", {
      bearer: conn.access_token,
    });
    expect(payments.body.map((p) => p.pay_date).sort()).toContain("2024-02-23");

    const tasks = await activeTasksOf(server.linnet.deps.db, conn.connection_id, "org");
    expect(tasks.map((t) => [t.kind, t.dueAt.toISOString()])).toEqual([["refresh", addDays(arrivedAt, 7).toISOString()]]);
    // one dispatch pass, as the webhook tests run it (the worker's schedule is not waited for)
    await eventually(async () => {
      await runWebhookDispatch(server.linnet.deps);
      return receiver.received.length > hooksBefore;
    }, "a webhook after the automatic publish");
    expect(log.events.filter((e) => e.event === "file_received")).toHaveLength(2);
  });

  it("the same file twice publishes once; the files API enters the same pipeline", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    await publishByHand(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv"));
    const key = await ops.call<{ key: string }>("POST", "/console/api/api-keys", { body: { name: "mail bridge" } });
    const bytes = Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Staff Accountant", "Senior Accountant"));
    const send = () =>
      http<{ id: string }>(server.url, "POST", `/ops/api/connections/${conn.connection_id}/files?file_name=census.csv`, {
        raw: bytes as unknown as string,
        bearer: key.body.key,
        headers: { "content-type": "text/csv" },
      });
    expect((await send()).status).toBe(202);
    expect((await send()).status).toBe(202);
    await sweepReceivedFiles(server.linnet.deps, { olderThanMs: -1 });
    const listed = await ops.call<{ files: { status: string }[] }>("GET", `/ops/api/intake/files?connection_id=${conn.connection_id}`);
    expect(listed.status, listed.text).toBe(200);
    const files = listed.body.files;
    expect(files.map((f) => f.status).sort()).toEqual(["duplicate", "published"]);
    const bad = await http(server.url, "POST", `/ops/api/connections/not-a-uuid/files?file_name=x.csv`, {
      raw: "a,b\n1,2\n",
      bearer: key.body.key,
      headers: { "content-type": "text/csv" },
    });
    expect(bad.status).toBe(404);
    const noName = await http(server.url, "POST", `/ops/api/connections/${conn.connection_id}/files`, {
      raw: "a,b\n1,2\n",
      bearer: key.body.key,
      headers: { "content-type": "text/csv" },
    });
    expect(noName.status).toBe(400);
  });
});
