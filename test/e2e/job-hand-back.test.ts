import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../../server/jobs/job-runner.js";
import { captureLog } from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("handing running jobs back on shutdown", () => {
  it("re-queues them; a stately job whose next run is already queued is cancelled instead of failing the rest", async () => {
    const { boss, database } = server.linnet;
    // queues of this test only, so no worker of the test server takes their jobs
    const stately = `test-stately-${randomUUID()}`;
    const standard = `test-standard-${randomUUID()}`;
    await boss.createQueue(stately, { name: stately, policy: "stately" });
    await boss.createQueue(standard, { name: standard, policy: "standard" });
    const running = [await startedJob(stately), await startedJob(standard)];
    const queued = await boss.send(stately, {}); // the stately queue's next run, as its cron queues one
    expect(queued).not.toBeNull();

    const log = captureLog();
    const runner = new JobRunner(database, log);
    let finish: () => void = () => {};
    const handlers = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const runs = running.map(({ queue, id }) => runner.run(queue, id, 20, () => handlers));
    expect(await runner.drain(10)).toBe(2);
    finish();
    await Promise.all(runs);
    runner.stop();

    expect(log.events.filter((e) => e.level === "error")).toEqual([]);
    expect((await boss.getJobById(stately, running[0]!.id))?.state).toBe("cancelled");
    expect((await boss.getJobById(stately, queued!))?.state).toBe("created");
    const handedBack = await boss.getJobById(standard, running[1]!.id);
    expect(handedBack?.state).toBe("created");
    expect(handedBack?.startedOn ?? null).toBeNull();
  });
});

/** A job of `queue`, sent and fetched: active, as a worker holds it. */
async function startedJob(queue: string): Promise<{ queue: string; id: string }> {
  const id = await server.linnet.boss.send(queue, {});
  const [fetched] = await server.linnet.boss.fetch(queue);
  expect(fetched?.id).toBe(id);
  return { queue, id: id! };
}
