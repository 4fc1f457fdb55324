import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEGACY_HOUSEKEEPING_QUEUE } from "../../server/jobs/housekeeping.job.js";
import { prepareJobs } from "../../server/jobs/queue.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the hourly housekeeping queue", () => {
  it("a worker starting on a database that still schedules purge-expired-codes stops it, drops its waiting job and schedules hourly-housekeeping", async () => {
    const boss = server.linnet.boss;
    await boss.createQueue(LEGACY_HOUSEKEEPING_QUEUE, { name: LEGACY_HOUSEKEEPING_QUEUE, retryLimit: 3, retryDelay: 60 });
    await boss.schedule(LEGACY_HOUSEKEEPING_QUEUE, "17 * * * *");
    await boss.send(LEGACY_HOUSEKEEPING_QUEUE, {});
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(LEGACY_HOUSEKEEPING_QUEUE);

    await prepareJobs(boss, server.linnet.deps, { worker: true });

    expect(await boss.getQueueSize(LEGACY_HOUSEKEEPING_QUEUE)).toBe(0); // its waiting job is gone
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => s.name)).not.toContain(LEGACY_HOUSEKEEPING_QUEUE);
    expect(schedules.find((s) => s.name === "hourly-housekeeping")).toMatchObject({ cron: "17 * * * *" });
  });
});
