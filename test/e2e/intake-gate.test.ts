import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeFileDetailSchema } from "../../contracts/linnet/intake.js";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { processIntakeFile } from "../../server/commands/process-intake-file.js";
import { sweepReceivedFiles } from "../../server/commands/sweep-intake-files.js";
import { listSnapshots } from "../../server/db/repositories/snapshots.repository.js";
import { activeTasksOf } from "../../server/db/repositories/tasks.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { receiveFile } from "../../server/domain/intake/receive-file.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { fixture } from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The quality gate holds suspicious files, rejects unreadable ones, and the operator decides. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let key: string;

async function newConnection() {
  const conn = await connectEmployer(server.url, app, {
    products: ["company", "directory", "individual", "employment"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });
  const up = await http<UploadView>(
    server.url,
    "POST",
    `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=census.csv`,
    {
      raw: fixture("adp-wfn-census.csv") as unknown as string,
      headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
    },
  );
  expect(
    (await ops.call("POST", `/ops/api/uploads/${up.body.id}/publish`, { body: { retrieved_at: "2026-11-20T09:30:00.000Z" } })).status,
  ).toBe(200);
  return conn;
}

async function deliver(connectionId: string, bytes: Buffer, name = "census.csv") {
  const sent = await http<{ id: string }>(server.url, "POST", `/ops/api/connections/${connectionId}/files?file_name=${name}`, {
    raw: bytes as unknown as string,
    bearer: key,
    headers: { "content-type": "text/csv" },
  });
  expect(sent.status).toBe(202);
  await sweepReceivedFiles(server.linnet.deps, { olderThanMs: -1 });
  const file = await ops.call("GET", `/ops/api/intake/files/${sent.body.id}`);
  expect(file.status).toBe(200);
  return IntakeFileDetailSchema.parse(file.body);
}

const directoryCount = async (token: string) => {
  const res = await http<{ paging: { count: number } }>(server.url, "GET", "/employer/directory", { bearer: token });
  return {
    count: res.body.paging.count,
    retrieved: res.headers.get("finch-data-retrieved"),
    result: res.headers.get("finch-last-attempted-update-result"),
  };
};

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  ops = await signInConsole(server, "gate-ops@linnet.test", "operator");
  key = (await ops.call<{ key: string }>("POST", "/console/api/api-keys", { body: { name: "intake" } })).body.key;
});
afterAll(() => server.close());

describe("the quality gate", () => {
  it("holds a census with 40 % fewer people, keeps serving the old data, and publishes it when the operator says so", async () => {
    const conn = await newConnection();
    const before = await directoryCount(conn.access_token);
    const lines = fixture("adp-wfn-census.csv").toString("utf8").split("\n");
    const fewer = Buffer.from([...lines.slice(0, 1), ...lines.slice(1, 8)].join("\n")); // 7 of 12 people
    const held = await deliver(conn.connection_id, fewer);
    expect(held.status).toBe("held");
    const failed = held.verdict.filter((l) => !l.ok).map((l) => l.check);
    expect(failed).toContain("headcount");
    expect(held.verdict.find((l) => l.check === "headcount")?.message).toMatch(/12 → 7/);
    expect(held.diff).not.toBeNull();
    expect(await directoryCount(conn.access_token)).toEqual(before);
    expect(before.result).not.toBe("error");
    const review = (await activeTasksOf(server.linnet.deps.db, conn.connection_id, "org")).find((t) => t.kind === "review");
    expect(review?.id).toBe(held.review_task_id);

    // a later file waits behind the held one
    const later = await deliver(
      conn.connection_id,
      Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Staff Accountant", "Senior Accountant")),
    );
    expect(later.status).toBe("held");
    expect(later.verdict[0]?.check).toBe("paused");

    expect((await ops.call("POST", `/ops/api/intake/files/${held.id}/decision`, { body: { action: "publish" } })).status).toBe(400);
    const decided = await ops.call<{ status: string }>("POST", `/ops/api/intake/files/${held.id}/decision`, {
      body: { action: "publish", reason: "Seasonal staff left; confirmed with the employer" },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe("published");
    expect((await directoryCount(conn.access_token)).count).toBe(7);
    expect(
      (await activeTasksOf(server.linnet.deps.db, conn.connection_id, "org")).some((t) => t.kind === "review" && t.id === review?.id),
    ).toBe(false);
    // the paused file ran again after the decision (against the 7 people now served: 5 new people, held again)
    await sweepReceivedFiles(server.linnet.deps, { olderThanMs: -1 });
    const rerun = IntakeFileDetailSchema.parse((await ops.call("GET", `/ops/api/intake/files/${later.id}`)).body);
    expect(rerun.verdict[0]?.check).not.toBe("paused");
  });

  it("rejects a corrupt file and changes nothing; an operator's rejection shows apps a failed attempt", async () => {
    const conn = await newConnection();
    const before = await directoryCount(conn.access_token);
    const corrupt = await deliver(
      conn.connection_id,
      Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "latin1"),
      "census.pdf",
    );
    expect(corrupt.status).toBe("rejected");
    expect(corrupt.verdict[0]?.message).toMatch(/could not be read/);
    expect(await directoryCount(conn.access_token)).toEqual(before);

    const renamed = Buffer.from(
      fixture("adp-wfn-census.csv").toString("utf8").replace("Payroll Company Code", "Tips Paid").replaceAll(/^HPO,/gm, "125.00,"),
    );
    const odd = await deliver(conn.connection_id, renamed);
    expect(odd.status).toBe("held");
    expect(odd.verdict.find((l) => l.check === "unknown_columns")?.ok).toBe(false);
    const rejected = await ops.call<{ status: string }>("POST", `/ops/api/intake/files/${odd.id}/decision`, {
      body: { action: "reject", reason: "Wrong report layout" },
    });
    expect(rejected.body.status).toBe("rejected");
    const after = await directoryCount(conn.access_token);
    expect(after.count).toBe(before.count);
    expect(after.result).toBe("error");
    expect((await ops.call("POST", `/ops/api/intake/files/${odd.id}/decision`, { body: { action: "rerun" } })).status).toBe(400);
    expect((await ops.call("POST", "/ops/api/intake/files/not-a-uuid/decision", { body: { action: "rerun" } })).status).toBe(404);
  });

  it("a crash after the publish but before the commit leaves the file received; after a restart it is published exactly once", async () => {
    const conn = await newConnection();
    const bytes = Buffer.from(fixture("adp-wfn-census.csv").toString("utf8").replace("Delivery Driver", "Senior Delivery Driver"));
    const deps = server.linnet.deps;
    // stored, but its queue message lost (the sweep's case), so no worker races the crash below
    const stored = await receiveFile({ ...deps, jobs: { send: async () => {} } }, conn.connection_id, {
      channel: "api",
      fileName: "census.csv",
      bytes,
    });
    if (!stored.ok) throw stored.error;
    const sent = { body: { id: stored.value.id } };
    // the process dies right after the snapshot was written, inside the file's transaction
    // (the publish reports its duration once its own savepoint is released, still inside the file's transaction)
    const dying = {
      ...deps,
      metrics: {
        observePublish: () => {
          throw new Error("killed");
        },
      } as unknown as typeof deps.metrics,
    };
    await expect(processIntakeFile(dying, sent.body.id)).rejects.toThrow("killed");
    const mid = IntakeFileDetailSchema.parse((await ops.call("GET", `/ops/api/intake/files/${sent.body.id}`)).body);
    expect(mid.status).toBe("received");
    expect(await listSnapshots(deps.db, conn.connection_id, "org")).toHaveLength(1);

    await server.restart();
    ops = await signInConsole(server, "gate-ops@linnet.test", "operator");
    server.clock.advance(2 * 60_000); // the sweep leaves fresh files to their queue job
    expect(await sweepReceivedFiles(server.linnet.deps)).toBeGreaterThanOrEqual(1);
    await sweepReceivedFiles(server.linnet.deps);
    expect((await processIntakeFile(server.linnet.deps, sent.body.id)).ok).toBe(true);
    const done = IntakeFileDetailSchema.parse((await ops.call("GET", `/ops/api/intake/files/${sent.body.id}`)).body);
    expect(done.status).toBe("published");
    expect(await listSnapshots(server.linnet.deps.db, conn.connection_id, "org")).toHaveLength(2);
  });
});
