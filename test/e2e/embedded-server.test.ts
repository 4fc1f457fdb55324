import { describe, expect, it } from "vitest";
import { embeddedDataDir, isRunning, postmasterPid, processGroup, startEmbeddedServe, workerChildren } from "../support/embedded-serve.js";
import { pollUntil } from "../support/processes.js";

/** Each start may run initdb and migrations on a busy machine. */
const SLOW = 600_000;

// the embedded mode only: the PostgreSQL (DATABASE_URL) and PGlite runs of the suite skip it
describe.skipIf(Boolean(process.env.DATABASE_URL) || process.env.LINNET_TEST_ENGINE === "pglite")(
  "the embedded PostgreSQL server, supervised by linnet serve",
  () => {
    it(
      "kill -9 of Linnet leaves no postgres or worker behind, the next start works, SIGTERM stops postgres",
      async () => {
        const dataDir = embeddedDataDir();
        const first = await startEmbeddedServe(dataDir);
        expect(first.output()).toContain("embedded PostgreSQL");
        const pg1 = postmasterPid(dataDir)!;
        expect(isRunning(pg1)).toBe(true);
        const workers = workerChildren(first.child.pid!);
        expect(workers).toHaveLength(1);

        first.child.kill("SIGKILL");
        await first.exited;
        await pollUntil(
          "the orphaned postgres and worker to stop",
          async () => (!isRunning(pg1) && !isRunning(workers[0]!) ? true : undefined),
          120_000,
        );

        const second = await startEmbeddedServe(dataDir);
        expect(second.output()).not.toContain("First start"); // same data: no second bootstrap
        const ready = await fetch(`${second.url}/readyz`);
        expect(ready.status).toBe(200);
        const pg2 = postmasterPid(dataDir)!;
        expect(pg2).not.toBe(pg1);

        second.child.kill("SIGTERM");
        expect(await second.exited).toBe(0);
        expect(isRunning(pg2)).toBe(false);
        expect(postmasterPid(dataDir)).toBeUndefined(); // a clean shutdown removes its pid file
      },
      SLOW,
    );

    it(
      "postgres killed under a running Linnet is started again, and the API and the worker carry on",
      async () => {
        const dataDir = embeddedDataDir();
        const linnet = await startEmbeddedServe(dataDir);
        const pg1 = postmasterPid(dataDir)!;
        process.kill(pg1, "SIGKILL"); // the postmaster alone, as the out-of-memory killer would
        await pollUntil("postgres to be gone", async () => (!isRunning(pg1) ? true : undefined), 60_000);
        const pg2 = await pollUntil(
          "postgres to be started again and the API to be ready",
          async () => {
            const pid = postmasterPid(dataDir);
            // /readyz queries the database: the pool's old connections died with the server, new ones must work
            const ready = await fetch(`${linnet.url}/readyz`).catch(() => undefined);
            return pid !== undefined && pid !== pg1 && isRunning(pid) && ready?.status === 200 ? pid : undefined;
          },
          120_000,
        );
        expect(linnet.output()).toMatch(/embedded PostgreSQL \(pid \d+\) exited unexpectedly/);
        await pollUntil("a worker to run", async () => (workerChildren(linnet.child.pid!).length === 1 ? true : undefined), 60_000);

        linnet.child.kill("SIGTERM");
        expect(await linnet.exited).toBe(0);
        expect(isRunning(pg2)).toBe(false);
      },
      SLOW,
    );

    it(
      "a start after postgres itself was killed (stale postmaster.pid) recovers",
      async () => {
        const dataDir = embeddedDataDir();
        const first = await startEmbeddedServe(dataDir);
        const pg1 = postmasterPid(dataDir)!;
        // the whole guard process group (guard, watcher, postgres) dies with Linnet, as in a kill of everything at once
        process.kill(-processGroup(pg1), "SIGKILL");
        first.child.kill("SIGKILL");
        await first.exited;
        await pollUntil("postgres to be gone", async () => (!isRunning(pg1) ? true : undefined), 60_000);
        expect(postmasterPid(dataDir)).toBe(pg1); // left behind

        const second = await startEmbeddedServe(dataDir);
        expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
        second.child.kill("SIGTERM");
        expect(await second.exited).toBe(0);
      },
      SLOW,
    );
  },
);
