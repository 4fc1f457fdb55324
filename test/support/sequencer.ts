import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files (tens of seconds each: child processes, embedded clusters, benches, Chromium), longest first.
 * They start first so that the short files fill the other workers around them and no long file is left alone at
 * the end of the run. Vitest's own order (longest first from its results cache, else largest file first) sorts the rest.
 */
export const LONG_FILES = [
  "test/e2e/cli.test.ts",
  "test/e2e/embedded-server.test.ts",
  "test/e2e/intake-bench.test.ts",
  "test/e2e/backup-restore.test.ts",
  "test/e2e/scale-out-start.test.ts",
  "test/e2e/embedded-publish-reads.test.ts",
  "test/e2e/scale-out-processes.test.ts",
  "test/browser/dashboard-first-hour.browser.test.ts",
  "test/e2e/benefits-sdk.test.ts",
  "server/db/org-people-migration.test.ts",
];

/** Where a file stands in LONG_FILES (files not in it after all of them). */
function rank(spec: TestSpecification): number {
  const index = LONG_FILES.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
  return index === -1 ? LONG_FILES.length : index;
}

/** Vitest's sequencer with the long files moved to the front. */
export class LongFirstSequencer extends BaseSequencer {
  /** Vitest's order, then the long files first (a stable sort keeps Vitest's order among the others). */
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}
