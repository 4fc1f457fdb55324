// Print Vitest's JSON report as the plain closing line CI reads: "<label>: N passed, N failed", and under it each
// failed test (file, name, the first lines of its error), so that the end of a CI log, which may be all anyone
// sees of it, says what failed. With --failures-only it prints the failures alone (for the end of .ci/run).
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const failuresOnly = args.includes("--failures-only");
const [file, label] = args.filter((a) => !a.startsWith("--"));
if (!fs.existsSync(file)) {
  console.log(`${label}: no report (${file}): the suite did not run to its end`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, "utf8"));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
if (!failuresOnly) {
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
}
for (const suite of report.testResults ?? []) {
  const where = path.relative(process.cwd(), suite.name);
  const failed = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
  // a file that failed outside its tests (an import, a hook) has no failed test to name
  if (failed.length === 0 && suite.status === "failed") console.log(`  ${label} FAILED ${where}: ${firstLines(suite.message)}`);
  for (const t of failed) console.log(`  ${label} FAILED ${where} > ${t.fullName}: ${firstLines(t.failureMessages?.[0])}`);
}
process.exit(report.numFailedTests > 0 || report.numPassedTests === 0 ? 1 : 0);

/** The first lines of an error, on one line, without terminal colours. */
function firstLines(text) {
  return (text ?? "")
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "")
    .split("\n")
    .slice(0, 4)
    .map((l) => l.trim())
    .join(" | ")
    .slice(0, 600);
}
