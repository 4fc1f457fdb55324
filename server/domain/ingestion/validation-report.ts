/** The outcome of validation: errors block publishing, warnings inform, and some files need an operator's confirmation. */
import type { Issue, IssueCollector } from "./issues.js";

/** What validation found. */
export type ValidationReport = {
  /** True when there are no errors: the data may be published. */
  ok: boolean;
  /** Errors (the first few hundred; `counts.errors` has the total). */
  errors: Issue[];
  /** Warnings (the first few hundred; `counts.warnings` has the total). */
  warnings: Issue[];
  /** Record counts (`people`, `payments`…), `errors`, `warnings`, and `issues.<code>` per issue code. */
  counts: Record<string, number>;
  /** True when an operator must confirm before publishing, even without errors. */
  requiresConfirmation: boolean;
  /** Why confirmation is required. */
  confirmationReason?: string;
};

/** Assemble the report from the collected issues, the record counts and an optional reason to confirm. */
export function buildReport(issues: IssueCollector, counts: Record<string, number>, confirmationReason?: string): ValidationReport {
  const totals = issues.totals();
  const all: Record<string, number> = { ...counts, errors: totals.errors, warnings: totals.warnings };
  for (const [code, n] of Object.entries(totals.byCode)) all[`issues.${code}`] = n;
  const report: ValidationReport = {
    ok: totals.errors === 0,
    errors: issues.errors,
    warnings: issues.warnings,
    counts: all,
    requiresConfirmation: confirmationReason !== undefined,
  };
  if (confirmationReason !== undefined) report.confirmationReason = confirmationReason;
  return report;
}
