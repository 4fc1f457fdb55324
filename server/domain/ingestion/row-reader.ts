/** Reads one row's cells by field, converting text to dates, amounts and coded values and reporting what fails. */
import type { IssueCollector } from "./issues.js";
import type { DateFormat, MappedField } from "./mapping.js";
import { parseCents, parseDecimal, parseDollars } from "./parse-amount.js";
import { parseDate } from "./parse-date.js";
import type { ResolvedColumns } from "./resolve-columns.js";
import type { ValueLookup } from "./value-maps.js";

/** A cursor over rows: point it at a row with `at`, then read fields. */
export class RowReader {
  /** The file row number of the current row (header = 1). */
  rowNumber = 0;
  private row: readonly string[] = [];
  private readonly columns: ResolvedColumns;
  private readonly issues: IssueCollector;
  private readonly dateFormat: DateFormat;
  private readonly amount: (raw: string) => number | null;
  private readonly amountHint: string;

  constructor(columns: ResolvedColumns, issues: IssueCollector, dateFormat: DateFormat, amountsIn: "dollars" | "cents") {
    this.columns = columns;
    this.issues = issues;
    this.dateFormat = dateFormat;
    this.amount = amountsIn === "cents" ? parseCents : parseDollars;
    this.amountHint = amountsIn === "cents" ? "whole cents" : "an amount such as 1,234.56";
  }

  /** Move to a row. */
  at(row: readonly string[], rowNumber: number): void {
    this.row = row;
    this.rowNumber = rowNumber;
  }

  /** True when the file has a column for the field. */
  has(field: MappedField): boolean {
    return this.columns.index[field]! >= 0;
  }

  /** The column header of a field, as the file writes it. */
  header(field: MappedField): string | undefined {
    return this.columns.header[field];
  }

  /** The trimmed text of a field; null when empty or unmapped. */
  text(field: MappedField): string | null {
    const i = this.columns.index[field]!;
    if (i < 0) return null;
    const raw = this.row[i]!;
    if (raw === "") return null;
    const text = raw.trim();
    return text === "" ? null : text;
  }

  /** A date as ISO `YYYY-MM-DD`; an unparseable one is an error and reads as null. */
  date(field: MappedField): string | null {
    const raw = this.text(field);
    if (raw === null) return null;
    const day = parseDate(raw, this.dateFormat);
    if (day === null) this.error("invalid_date", `"${raw}" is not a valid date (expected ${this.dateFormat})`, field);
    return day;
  }

  /** An amount in cents; unparseable text is an error and reads as null. */
  cents(field: MappedField): number | null {
    const raw = this.text(field);
    if (raw === null) return null;
    const value = this.amount(raw);
    if (value === null) this.error("invalid_amount", `"${raw}" is not ${this.amountHint}`, field);
    return value;
  }

  /** A plain number (hours); unparseable text is an error and reads as null. */
  decimal(field: MappedField): number | null {
    const raw = this.text(field);
    if (raw === null) return null;
    const value = parseDecimal(raw);
    if (value === null) this.error("invalid_number", `"${raw}" is not a number`, field);
    return value;
  }

  /** A coded value through a lookup; an unknown spelling is a warning and reads as null. */
  coded<V>(field: MappedField, lookup: ValueLookup<V>): V | null {
    const raw = this.text(field);
    if (raw === null) return null;
    const value = lookup.get(raw);
    if (value === null)
      this.warning(
        "unknown_value",
        `"${raw}" is not a known ${field.replaceAll("_", " ")} value; it is left empty (add it to the mapping's value map)`,
        field,
      );
    return value;
  }

  /** Report an error on the current row. */
  error(code: string, message: string, field: MappedField): void {
    this.issues.error(code, message, this.rowNumber, this.header(field), field);
  }

  /** Report a warning on the current row. */
  warning(code: string, message: string, field: MappedField): void {
    this.issues.warning(code, message, this.rowNumber, this.header(field), field);
  }
}
