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

/** Server, end-to-end and browser tests all run in Node; each file gets its own database. */
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "catalog/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: testWorkers(),
    sequence: { sequencer: LongFirstSequencer },
  },
});
