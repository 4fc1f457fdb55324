/**
 * Issues found while parsing, mapping and validating an upload, and a capped collector for them: a 100,000-row file
 * full of errors keeps the first few hundred of each severity and only counts the rest.
 */

/** One finding: where it is in the file (row, column header, target field) and what is wrong. */
export interface Issue {
  /** Errors block publishing; warnings are shown to the operator. */
  severity: "error" | "warning";
  /** Stable id, e.g. `invalid_date`; tests assert on it. */
  code: string;
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row?: number;
  /** The column header as written in the file. */
  column?: string;
  /** The mapped field, e.g. `dob` or `tax_federal`. */
  field?: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** Totals behind a capped list: every issue counted, kept or not. */
export interface IssueTotals {
  /** All errors. */
  errors: number;
  /** All warnings. */
  warnings: number;
  /** All issues per code. */
  byCode: Record<string, number>;
}

/** How many issues of each severity are kept by default. */
export const ISSUE_LIMIT = 500;

// Lists handed from one step to the next carry their totals here, so a later step's counts include what was dropped.
const totalsOfList = new WeakMap<readonly Issue[], IssueTotals>();

/** The totals behind a list made by {@link IssueCollector.list}, or the list's own counts. */
export function totalsOf(list: readonly Issue[]): IssueTotals {
  const known = totalsOfList.get(list);
  if (known) return known;
  const totals: IssueTotals = { errors: 0, warnings: 0, byCode: {} };
  for (const issue of list) {
    if (issue.severity === "error") totals.errors++;
    else totals.warnings++;
    totals.byCode[issue.code] = (totals.byCode[issue.code] ?? 0) + 1;
  }
  return totals;
}

/** Collects issues, keeping the first `limit` errors and `limit` warnings and counting all of them. */
export class IssueCollector {
  /** Kept errors, in the order found. */
  readonly errors: Issue[] = [];
  /** Kept warnings, in the order found. */
  readonly warnings: Issue[] = [];
  private readonly limit: number;
  private errorCount = 0;
  private warningCount = 0;
  private readonly byCode = new Map<string, number>();

  constructor(limit = ISSUE_LIMIT) {
    this.limit = limit;
  }

  /** Record an error. */
  error(code: string, message: string, row?: number, column?: string, field?: string): void {
    this.count(code, 1);
    if (this.errorCount++ < this.limit) this.errors.push(make("error", code, message, row, column, field));
  }

  /** Record a warning. */
  warning(code: string, message: string, row?: number, column?: string, field?: string): void {
    this.count(code, 1);
    if (this.warningCount++ < this.limit) this.warnings.push(make("warning", code, message, row, column, field));
  }

  /** Add another step's issues, including the ones its list dropped but counted; `amend` may add to each kept one. */
  absorb(list: readonly Issue[], amend: (issue: Issue) => Issue = (issue) => issue): void {
    const totals = totalsOf(list);
    const listed: Record<string, number> = {};
    let listedErrors = 0;
    let listedWarnings = 0;
    for (const issue of list) {
      listed[issue.code] = (listed[issue.code] ?? 0) + 1;
      if (issue.severity === "error") {
        listedErrors++;
        if (this.errorCount++ < this.limit) this.errors.push(amend(issue));
      } else {
        listedWarnings++;
        if (this.warningCount++ < this.limit) this.warnings.push(amend(issue));
      }
    }
    for (const [code, n] of Object.entries(totals.byCode)) this.count(code, n);
    this.errorCount += totals.errors - listedErrors;
    this.warningCount += totals.warnings - listedWarnings;
  }

  /** True when any error was recorded. */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Every issue counted, kept or not. */
  totals(): IssueTotals {
    return { errors: this.errorCount, warnings: this.warningCount, byCode: Object.fromEntries(this.byCode) };
  }

  /** Kept errors then kept warnings, as one list that remembers the totals behind it. */
  list(): Issue[] {
    const list = [...this.errors, ...this.warnings];
    totalsOfList.set(list, this.totals());
    return list;
  }

  private count(code: string, n: number): void {
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + n);
  }
}

// Every issue has the same shape (absent parts are undefined, which JSON leaves out).
function make(severity: Issue["severity"], code: string, message: string, row?: number, column?: string, field?: string): Issue {
  return { severity, code, row, column, field, message };
}
