/**
 * Mapping step for payroll registers: one row per pay statement → payments (one per payroll run) and pay groups.
 * Statements are grouped by payroll id and pay date when the register has a payroll id, else by pay date.
 */
import type { PaymentInput, PaySnapshotInput, PayStatementInput } from "../../../contracts/linnet/snapshot-input.js";
import { type Issue, IssueCollector } from "./issues.js";
import { type Mapping, PAY_FIELDS, type PayFrequency, REQUIRED_FIELDS } from "./mapping.js";
import { rememberOrigin } from "./origin.js";
import type { ParsedTable } from "./parsed-table.js";
import { frequencyLabel, frequencyOfPeriod } from "./pay-period.js";
import { type ColumnExpectations, hasBlockingColumns, reportColumns } from "./report-columns.js";
import { resolveColumns, withField } from "./resolve-columns.js";
import { RowReader } from "./row-reader.js";
import { payLookups, presentLines, statementFromRow } from "./statement-row.js";

/** Pay data from a register upload. */
export interface MappedPay {
  /** Pay groups and payments, ready for validation and publishing. */
  input: PaySnapshotInput;
  /** The table's warnings, then mapping issues (capped; their totals travel with the list). */
  issues: Issue[];
}

const COLUMNS: ColumnExpectations = {
  blocking: REQUIRED_FIELDS.pay,
  expected: ["period_start", "period_end", "tax_federal", "tax_social_security", "tax_medicare"],
};

/** A payroll run being assembled. */
interface Run {
  payment: PaymentInput;
  rows: number[];
  groups: Set<string>;
  frequencies: Set<PayFrequency>;
}

/** A pay group being assembled. */
interface Group {
  name: string;
  frequencies: Set<PayFrequency>;
  people: Set<string>;
}

/** Sum of a statement's employee (`employer` false) or employer (`employer` true) taxes. */
function taxTotal(s: PayStatementInput, employer: boolean): number {
  let total = 0;
  for (const t of s.taxes ?? []) if (t && (t.employer === true) === employer) total += t.amount ?? 0;
  return total;
}

/** A new payment for a run, totals at zero. */
function newPayment(sourceId: string, payDate: string): PaymentInput {
  const zero = () => ({ amount: 0, currency: "usd" });
  return {
    source_id: sourceId,
    pay_period: null,
    pay_date: payDate,
    debit_date: null,
    company_debit: zero(),
    gross_pay: zero(),
    net_pay: zero(),
    employer_taxes: zero(),
    employee_taxes: zero(),
    pay_frequencies: [],
    pay_group_source_ids: [],
    pay_statements: [],
  };
}

/** Add a statement to its run: totals, period bounds. */
function addToRun(run: Run, s: PayStatementInput, start: string | null, end: string | null): void {
  const p = run.payment;
  const employerTaxes = taxTotal(s, true);
  const gross = s.gross_pay?.amount ?? 0;
  p.gross_pay!.amount! += gross;
  p.net_pay!.amount! += s.net_pay?.amount ?? 0;
  p.employee_taxes!.amount! += taxTotal(s, false);
  p.employer_taxes!.amount! += employerTaxes;
  p.company_debit!.amount! += gross + employerTaxes;
  if (start !== null || end !== null) {
    const period = p.pay_period ?? { start_date: start, end_date: end };
    if (start !== null && (period.start_date === null || start < period.start_date)) period.start_date = start;
    if (end !== null && (period.end_date === null || end > period.end_date)) period.end_date = end;
    p.pay_period = period;
  }
  p.pay_statements.push(s);
}

/** Map a payroll register table to pay data. Rows without an employee id or a valid pay date are left out (an error each). */
export function mapPay(table: ParsedTable, mapping: Mapping): MappedPay {
  const issues = new IssueCollector();
  const columns = resolveColumns(table.headers, mapping, PAY_FIELDS);
  issues.absorb(table.warnings, withField(columns));
  const runs = new Map<string, Run>();
  const groups = new Map<string, Group>();
  const finish = (): MappedPay => {
    const payments: PaymentInput[] = [];
    const rows: number[] = [];
    for (const run of runs.values()) {
      run.payment.pay_group_source_ids = [...run.groups];
      run.payment.pay_frequencies = [...run.frequencies];
      payments.push(run.payment);
      rows.push(...run.rows);
    }
    const payGroups = [...groups].map(([id, g]) => ({
      source_id: id,
      name: g.name,
      pay_frequencies: [...g.frequencies],
      individual_source_ids: [...g.people],
    }));
    const input = { pay_groups: payGroups, payments };
    rememberOrigin(input, { rows, columns: columns.header });
    return { input, issues: issues.list() };
  };
  if (mapping.group !== "pay") {
    issues.error("wrong_mapping_group", "This mapping is for a census, not a payroll register");
    return finish();
  }
  reportColumns(columns, mapping, COLUMNS, issues);
  if (!hasBlockingColumns(columns, COLUMNS)) return finish();
  const reader = new RowReader(columns, issues, mapping.dateFormat, mapping.amountsIn);
  const lookups = payLookups(mapping);
  const lines = presentLines(reader);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    reader.at(row, i + 2);
    const sourceId = reader.text("source_id");
    const payDate = reader.date("pay_date");
    if (sourceId === null || payDate === null) {
      if (row.every((cell) => cell.trim() === "")) continue;
      if (sourceId === null) reader.error("missing_id", "The employee id is empty; the row is left out", "source_id");
      if (payDate === null && reader.text("pay_date") === null)
        reader.error("missing_value", "The pay date is empty; the row is left out", "pay_date");
      continue;
    }
    const start = reader.date("period_start");
    const end = reader.date("period_end");
    const statement = statementFromRow(reader, lines, lookups, sourceId);
    const payrollId = reader.text("payroll_id");
    const key = payrollId === null ? payDate : `${payDate}/${payrollId}`;
    let run = runs.get(key);
    if (!run) {
      run = { payment: newPayment(key, payDate), rows: [], groups: new Set(), frequencies: new Set() };
      runs.set(key, run);
    }
    addToRun(run, statement, start, end);
    run.rows.push(i + 2);
    const frequency = reader.coded("pay_frequency", lookups.frequency) ?? frequencyOfPeriod(start, end);
    const groupName = reader.text("pay_group");
    const groupId = groupName ?? frequency ?? "all";
    let group = groups.get(groupId);
    if (!group) {
      group = {
        name: groupName ?? (frequency ? `${frequencyLabel(frequency)} payroll` : "All employees"),
        frequencies: new Set(),
        people: new Set(),
      };
      groups.set(groupId, group);
    }
    group.people.add(sourceId);
    run.groups.add(groupId);
    if (frequency) {
      group.frequencies.add(frequency);
      run.frequencies.add(frequency);
    }
  }
  return finish();
}
