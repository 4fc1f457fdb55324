import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeFileSchema } from "../../contracts/linnet/intake.js";
import { PullSourceSchema, PullSourceTestSchema } from "../../contracts/linnet/pull-sources.js";
import { updatePullSource } from "../../server/db/repositories/intake-sources.repository.js";
import { activeTasksOf } from "../../server/db/repositories/tasks.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { pollPullSource, queueDuePolls } from "../../server/domain/intake/poll-source.js";
import { openRemote } from "../../server/domain/intake/remote-sftp.js";
import { launchBrowser } from "../support/browser.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer } from "../support/http.js";
import { fixture } from "../support/intake.js";
import { type RemoteSftp, startRemoteSftp } from "../support/remote-sftp.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Pull sources: a provider's SFTP server (an ssh2 server in this test) polled for scheduled reports. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let remote: RemoteSftp;
const PASSWORD = "s3cret-Remote-Pa55word";
const shots = process.env.LINNET_SCREENSHOT_DIR ?? "/work/shots/i13src";

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  ops = await signInConsole(server, "ops@linnet.test", "operator");
  remote = await startRemoteSftp({ username: "linnet", password: PASSWORD, folder: "/reports" });
});
afterAll(async () => {
  await remote?.close();
  await server?.close();
});

const assisted = () =>
  connectEmployer(server.url, app, {
    products: ["company", "directory", "individual", "employment"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });

async function pulledFiles(connectionId: string) {
  const res = await ops.call<{ files: unknown[] }>("GET", `/ops/api/intake/files?connection_id=${connectionId}`);
  expect(res.status, res.text).toBe(200);
  return res.body.files.map((f) => IntakeFileSchema.parse(f));
}

/** Every text column of every row of a table, as one string (to look for a secret in plain text). */
async function tableText(table: string): Promise<string> {
  const result = (await server.linnet.deps.db.execute(sql.raw(`select row_to_json(t)::text as j from ${table} t`))) as unknown as {
    rows: { j: string }[];
  };
  expect(result.rows.length).toBeGreaterThan(0);
  return result.rows.map((r) => r.j).join("\n");
}

describe("pull sources", () => {
  it("a new file on the remote server is taken once: polled twice, polled concurrently, retried after a crashed poll", async () => {
    const conn = await assisted();
    const source = `/ops/api/connections/${conn.connection_id}/pull-source`;
    const saved = await ops.call("PUT", source, {
      body: { host: "127.0.0.1", port: remote.port, username: "linnet", password: PASSWORD, folder: "/reports", pattern: "census_*.csv" },
    });
    expect(saved.status, saved.text).toBe(200);
    const view = PullSourceSchema.parse(saved.body);
    expect(view).toMatchObject({ auth: "password", poll_minutes: 60, cadence_days: 7, host_key_fingerprint: null });
    expect(saved.text).not.toContain(PASSWORD);
    expect((await ops.call("GET", source)).text).not.toContain(PASSWORD);
    // sealed at rest: not in the source's row, nor in the activity log
    expect(await tableText("intake_pull_sources")).not.toContain(PASSWORD);
    expect(await tableText("connection_activity")).not.toContain(PASSWORD);

    remote.files.set("census_2026-12-01.csv", { bytes: fixture("adp-wfn-census.csv"), mtime: 1_764_576_000 });
    remote.files.set("notes.txt", { bytes: Buffer.from("not a report"), mtime: 1_764_576_000 });
    const tested = PullSourceTestSchema.parse((await ops.call("POST", `${source}/test`)).body);
    expect(tested).toMatchObject({
      ok: true,
      host_key_fingerprint: remote.fingerprint,
      matching_files: [{ name: "census_2026-12-01.csv" }],
    });

    const deps = server.linnet.deps;
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "polled", taken: ["census_2026-12-01.csv"], skipped: 0 });
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "polled", taken: [], skipped: 0 });
    expect(remote.downloads).toEqual(["census_2026-12-01.csv"]);
    const pinned = PullSourceSchema.parse((await ops.call("GET", source)).body);
    expect(pinned.host_key_fingerprint).toBe(remote.fingerprint);

    // two polls at once: one holds the source, the other stands aside
    remote.files.set("census_2026-12-08.csv", {
      bytes: Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Marketing Manager", "Head of Marketing")),
      mtime: 1_765_180_800,
    });
    const both = await Promise.all([pollPullSource(deps, conn.connection_id), pollPullSource(deps, conn.connection_id)]);
    expect(both.map((o) => o.status).sort()).toEqual(["busy", "polled"]);

    // a poll that crashed left its lease: the retry waits it out, then finds nothing new
    await updatePullSource(deps.db, conn.connection_id, { pollingUntil: new Date(server.clock.now().getTime() + 60_000) });
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "busy" });
    server.clock.advance(2 * 60_000);
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "polled", taken: [], skipped: 0 });

    // the same bytes touched on the server (new mtime) or re-sent under a new name: remembered, not delivered again
    remote.files.set("census_2026-12-01.csv", { bytes: fixture("adp-wfn-census.csv"), mtime: 1_765_000_000 });
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "polled", taken: [], skipped: 1 });

    const files = await pulledFiles(conn.connection_id);
    expect(files.map((f) => [f.file_name, f.channel]).sort()).toEqual([
      ["census_2026-12-01.csv", "pull"],
      ["census_2026-12-08.csv", "pull"],
    ]);
    expect(remote.downloads.filter((n) => n === "census_2026-12-08.csv")).toHaveLength(1);

    // the schedule queues a poll only once the interval has passed
    expect(await queueDuePolls({ ...deps, jobs: { send: async () => {} } })).toBe(0);
    server.clock.advance(61 * 60_000);
    const sent: unknown[] = [];
    expect(await queueDuePolls({ ...deps, jobs: { send: async (_n, data) => void sent.push(data) } })).toBe(1);
    expect(sent).toEqual([{ connectionId: conn.connection_id }]);

    // the console's connection page shows the source (never its password) and tests it
    const browser = await launchBrowser({ width: 1280, height: 900 });
    try {
      await browser.addCookies([{ name: ops.cookie.split("=")[0]!, value: ops.cookie.split("=").slice(1).join("="), url: server.url }]);
      const page = await browser.newPage();
      await page.goto(`${server.url}/ops/connections/${conn.connection_id}`);
      const panel = page.getByTestId("connection-pull-source");
      await page.getByTestId("pull-source-last").waitFor();
      expect(await panel.innerText()).toContain(`linnet@127.0.0.1:${remote.port}/reports`);
      expect(await page.content()).not.toContain(PASSWORD);
      await page.getByTestId("pull-test").click();
      await page.getByTestId("pull-test-result").waitFor();
      expect(await page.getByTestId("pull-test-result").innerText()).toContain("matching file");
      fs.mkdirSync(shots, { recursive: true });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: path.join(shots, "ops-pull-source-1280.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: path.join(shots, "ops-pull-source-390.png") });
    } finally {
      await browser.close();
    }
  });

  it("a changed host key is refused and raises one operator task; resetting the pin accepts the new key", async () => {
    const conn = await assisted();
    const source = `/ops/api/connections/${conn.connection_id}/pull-source`;
    expect(
      (
        await ops.call("PUT", source, {
          body: {
            host: "127.0.0.1",
            port: remote.port,
            username: "linnet",
            password: PASSWORD,
            folder: "/reports",
            pattern: "payroll_*.csv",
          },
        })
      ).status,
    ).toBe(200);
    const deps = server.linnet.deps;
    expect((await pollPullSource(deps, conn.connection_id)).status).toBe("polled");
    const first = remote.fingerprint;
    await remote.changeHostKey();
    remote.files.set("payroll_2026-12-05.csv", { bytes: fixture("adp-wfn-payroll-register.csv"), mtime: 1_764_900_000 });

    const refused = await pollPullSource(deps, conn.connection_id);
    expect(refused).toMatchObject({ status: "refused" });
    expect(await pollPullSource(deps, conn.connection_id)).toMatchObject({ status: "refused" });
    expect(remote.downloads).not.toContain("payroll_2026-12-05.csv");
    const tasks = (await activeTasksOf(deps.db, conn.connection_id)).filter((t) => t.kind === "source_check");
    expect(tasks).toHaveLength(1);
    const view = PullSourceSchema.parse((await ops.call("GET", source)).body);
    expect(view.host_key_fingerprint).toBe(first);
    expect(view.last_error).toContain("host key changed");

    // the operator confirmed the new key with the provider: reset the pin (credentials kept)
    const reset = await ops.call("PUT", source, {
      body: {
        host: "127.0.0.1",
        port: remote.port,
        username: "linnet",
        folder: "/reports",
        pattern: "payroll_*.csv",
        reset_host_key: true,
      },
    });
    expect(reset.status, reset.text).toBe(200);
    expect(await pollPullSource(deps, conn.connection_id)).toEqual({ status: "polled", taken: ["payroll_2026-12-05.csv"], skipped: 0 });
    expect(PullSourceSchema.parse((await ops.call("GET", source)).body)).toMatchObject({
      host_key_fingerprint: remote.fingerprint,
      last_error: null,
    });
  });

  it("private addresses are refused unless the webhook setting allows them", async () => {
    const conn = await assisted();
    const source = `/ops/api/connections/${conn.connection_id}/pull-source`;
    const body = { port: remote.port, username: "linnet", password: PASSWORD, folder: "/reports" };
    expect((await ops.call("PUT", source, { body: { ...body, host: "127.0.0.1" } })).status).toBe(200);
    const config = server.linnet.deps.config;
    const strict = { ...server.linnet.deps, config: { ...config, webhookAllowPrivate: false } };
    // a source saved on a permissive install is refused at poll time once private targets are not allowed
    expect(await pollPullSource(strict, conn.connection_id)).toMatchObject({
      status: "refused",
      message: expect.stringContaining("private"),
    });
    for (const host of ["10.1.2.3", "localhost", "169.254.169.254", "[::1]"]) {
      const opened = await openRemote(strict, { host, port: 22, username: "x", password: "y", pinned: null });
      expect(opened.ok ? "opened" : opened.kind, host).toBe("private_address");
    }
    // the API refuses such a host with the same setting the webhooks use
    config.webhookAllowPrivate = false;
    try {
      const res = await ops.call<{ message: string }>("PUT", source, { body: { ...body, host: "192.168.1.20" } });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain("LINNET_WEBHOOK_ALLOW_PRIVATE");
    } finally {
      config.webhookAllowPrivate = true;
    }
    expect((await ops.call("DELETE", source)).status).toBe(204);
    expect((await ops.call("GET", source)).status).toBe(404);
    // the audit log records who saved and removed a source, never its password
    const admin = await signInConsole(server, "admin@linnet.test", "admin");
    const audit = await admin.call<{ entries: { action: string }[] }>("GET", `/ops/api/audit?limit=200`);
    expect(audit.status).toBe(200);
    const actions = audit.body.entries.map((e) => e.action);
    expect(actions).toContain("pull_source.saved");
    expect(actions).toContain("pull_source.deleted");
    expect(audit.text).not.toContain(PASSWORD);
  });
});
