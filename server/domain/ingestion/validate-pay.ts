/** Validation of pay data: known employees, non-negative amounts, and net = gross − employee taxes − deductions. */
import type { PaySnapshotInput, PayStatementInput } from "../../../contracts/linnet/snapshot-input.js";
import { type Issue, IssueCollector } from "./issues.js";
import type { MappedField } from "./mapping.js";
import { originOf } from "./origin.js";
import { isIsoDate } from "./parse-date.js";
import { dollars } from "./statement-row.js";
import { buildReport, type ValidationReport } from "./validation-report.js";

/** What validation compares the register with. */
export interface PayValidationContext {
  /** Employee ids of the connection's published organization data; statements must name one of them. */
  knownPeople: Set<string>;
}

/** Net pay may differ from the computed one by this much (cents), for rounding. */
const TOLERANCE = 1;

type Where = (field: MappedField | string) => [number | undefined, string | undefined, string];

/** Every amount of a statement with the field (or line name) it comes from. */
function amounts(s: PayStatementInput): [string, number | null | undefined][] {
  const list: [string, number | null | undefined][] = [
    ["gross", s.gross_pay?.amount],
    ["net", s.net_pay?.amount],
  ];
  for (const items of [s.earnings, s.taxes, s.employee_deductions, s.employer_contributions]) {
    for (const item of items ?? []) if (item) list.push([item.name ?? "line item", item.amount]);
  }
  return list;
}

function checkStatement(s: PayStatementInput, where: Where, issues: IssueCollector): void {
  for (const [field, amount] of amounts(s)) {
    if (amount !== null && amount !== undefined && amount < 0)
      issues.error("negative_amount", `The amount ${dollars(amount)} is negative`, ...where(field));
  }
  const gross = s.gross_pay?.amount;
  const net = s.net_pay?.amount;
  if (gross === null || gross === undefined || net === null || net === undefined) return;
  let taxes = 0;
  for (const t of s.taxes ?? []) if (t && t.employer !== true) taxes += t.amount ?? 0;
  let deductions = 0;
  for (const d of s.employee_deductions ?? []) if (d) deductions += d.amount ?? 0;
  const expected = gross - taxes - deductions;
  if (Math.abs(expected - net) > TOLERANCE) {
    issues.error(
      "net_mismatch",
      `Net pay ${dollars(net)} ≠ gross ${dollars(gross)} − employee taxes ${dollars(taxes)} − deductions ${dollars(deductions)} = ${dollars(expected)}`,
      ...where("net"),
    );
  }
}

/**
 * Validate pay data, adding to the mapping's issues. Issues name file rows and headers when the input came from
 * `mapPay`. Statements for people outside `knownPeople` are errors: pay can only be published for known people.
 */
export function validatePay(input: PaySnapshotInput, issuesFromMapping: readonly Issue[], context: PayValidationContext): ValidationReport {
  const issues = new IssueCollector();
  issues.absorb(issuesFromMapping);
  const origin = originOf(input);
  const fieldOfHeader = new Map<string, string>();
  for (const [field, header] of Object.entries(origin?.columns ?? {})) fieldOfHeader.set(header, field);
  const people = new Set<string>();
  let k = 0;
  let statements = 0;
  let gross = 0;
  for (const payment of input.payments) {
    const seen = new Set<string>();
    if (!payment.pay_date || !isIsoDate(payment.pay_date))
      issues.error("invalid_date", `Payment "${payment.source_id}" has no valid pay date`, undefined, undefined, "pay_date");
    for (const s of payment.pay_statements) {
      const row = origin?.rows[k++];
      const where: Where = (name) => {
        const field = fieldOfHeader.get(name) ?? name;
        return [row, origin?.columns[field as MappedField], field];
      };
      const id = s.individual_source_id;
      statements++;
      gross += s.gross_pay?.amount ?? 0;
      people.add(id);
      if (!context.knownPeople.has(id))
        issues.error("unknown_employee", `Employee "${id}" is not in the published organization data`, ...where("source_id"));
      if (seen.has(id))
        issues.warning(
          "duplicate_statement",
          `Employee "${id}" has more than one statement in payment ${payment.source_id}`,
          ...where("source_id"),
        );
      seen.add(id);
      checkStatement(s, where, issues);
    }
  }
  for (const group of input.pay_groups) {
    for (const id of group.individual_source_ids) {
      if (!people.has(id) && !context.knownPeople.has(id))
        issues.error("unknown_employee", `Pay group "${group.name}" lists employee "${id}", who is not in the published organization data`);
    }
  }
  if (statements === 0) issues.error("no_statements", "No pay statement could be read from the file");
  const counts = {
    payments: input.payments.length,
    statements,
    people: people.size,
    pay_groups: input.pay_groups.length,
    gross_cents: gross,
  };
  return buildReport(issues, counts);
}
