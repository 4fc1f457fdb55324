// Print Vitest's JSON report as the plain closing line CI reads: "<label>: N passed, N failed".
import fs from "node:fs";

const [file, label] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(file, "utf8"));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(report.numFailedTests > 0 || report.numPassedTests === 0 ? 1 : 0);
