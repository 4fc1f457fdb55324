import os from "node:os";
import { defineConfig } from "vitest/config";
import { LongFirstSequencer } from "./test/support/sequencer.js";

/**
 * Test files run in parallel: most of a file's time is waiting (PostgreSQL, child processes, Chromium), so more
 * workers than cores overlap it. Default: one more than the cores, between 2 and 4; LINNET_TEST_WORKERS overrides.
 */
function testWorkers(): number {
  const fromEnv = Number.parseInt(process.env.LINNET_TEST_WORKERS ?? "", 10);
  if (fromEnv > 0) return fromEnv;
  return Math.max(2, Math.min(4, os.availableParallelism() + 1));
}

/** Files that time CPU work against a bound: they run after the others, one at a time, with the machine to themselves. */
const TIMED = ["server/domain/sandbox/generator/payments.test.ts", "server/api/rate-limit/redis-store.test.ts"];

/** What every file shares: Node, the run's global setup (root only: one embedded server, one template per run). */
const common = { environment: "node", testTimeout: 60_000, hookTimeout: 120_000, pool: "forks" } as const;

/** Server, end-to-end and browser tests all run in Node; each file gets its own database. */
export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    projects: [
      {
        test: {
          ...common,
          name: "suite",
          include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "catalog/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...TIMED, "**/node_modules/**"],
          maxWorkers: testWorkers(),
          sequence: { sequencer: LongFirstSequencer, groupOrder: 0 },
        },
      },
      { test: { ...common, name: "timed", include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
