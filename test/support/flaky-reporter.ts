import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestCase } from "vitest/node";

/**
 * A reporter that writes each test that failed and then passed on a retry (`npm test -- --retry=1`, as `.ci/run`
 * does) to the file `LINNET_TEST_FLAKY_REPORT` names, with its first error: a flaky test is listed, never hidden.
 * Without that variable it does nothing.
 */
export default class FlakyReporter implements Reporter {
  private readonly file = process.env.LINNET_TEST_FLAKY_REPORT;

  onTestCaseResult(testCase: TestCase): void {
    if (!this.file || !testCase.diagnostic()?.flaky) return;
    const error = testCase.result().errors?.[0];
    const message = (error?.message ?? "").split("\n")[0]!.slice(0, 400);
    const where = path.relative(process.cwd(), testCase.module.moduleId);
    fs.appendFileSync(this.file, `${where} > ${testCase.fullName}: failed once (${message}), passed on the retry\n`);
  }
}
