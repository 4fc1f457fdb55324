/** The parsed upload (headers and rows of text) and the checks every format shares. */
import { fail, ok, type Result } from "../errors.js";
import { isFormulaLike, startsLikeFormula } from "./formula-cells.js";
import { type Issue, IssueCollector } from "./issues.js";
import { normalizeHeader } from "./normalize-header.js";

/** An upload as a table of text cells, the header row apart. */
export interface ParsedTable {
  /** What the file was. */
  format: "csv" | "xlsx";
  /** The text encoding (XLSX is always UTF-8). */
  encoding: "utf-8" | "windows-1252";
  /** The CSV delimiter; null for XLSX. */
  delimiter: string | null;
  /** Column headers, trimmed. */
  headers: string[];
  /**
   * Data rows, each as long as `headers`. `rows[i]` is row `i + 2` as a spreadsheet numbers them (the header is row 1;
   * a quoted cell spanning lines is still one row). Blank rows are kept as empty cells so the numbers stay true.
   */
  rows: string[][];
  /** Formula-like cells, kept as text. */
  warnings: Issue[];
}

/** How many offending rows an error message names. */
const NAMED_ROWS = 5;

/** Spreadsheet column letters: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "5, 9 and 12 (and 40 more)" from a few numbers and the total. */
export function listNumbers(numbers: readonly number[], total: number): string {
  const shown = numbers.slice(0, NAMED_ROWS).join(", ");
  return total > NAMED_ROWS ? `${shown} (and ${total - NAMED_ROWS} more)` : shown;
}

/** True when a record is a blank line: no cells, or only empty ones. */
export function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell !== "") return false;
  return true;
}

/** Indexes of the records (after the header) whose cell count differs from the header's, blank lines apart. */
export function findRaggedRecords(records: readonly string[][], width: number): { indexes: number[]; total: number } {
  const indexes: number[] = [];
  let total = 0;
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.length === width || (r.length === 1 && r[0] === "")) continue;
    total++;
    if (indexes.length < NAMED_ROWS) indexes.push(i);
  }
  return { indexes, total };
}

/** Header problems: a single column, duplicates (case- and space-insensitive) and blank names. */
function checkHeaders(headers: string[], format: ParsedTable["format"]): Result<string[]> {
  if (headers.length < 2) {
    const hint = format === "csv" ? " — probably the wrong delimiter (use comma, semicolon, tab or |)" : "";
    return fail("invalid_request", `The file has a single column${hint}`);
  }
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  const named = headers.map((h, i) => (h === "" ? `Column ${columnLetter(i)}` : h));
  for (const h of named) {
    const key = normalizeHeader(h);
    const first = seen.get(key);
    if (first !== undefined) duplicates.push(first === h ? `"${h}"` : `"${first}" / "${h}"`);
    else seen.set(key, h);
  }
  if (duplicates.length > 0) return fail("invalid_request", `Duplicate column headers: ${duplicates.join(", ")}`);
  return ok(named);
}

/**
 * Builds the table from records (the header first): drops empty trailing columns and blank trailing rows, checks
 * headers and that data rows exist, and flags formula-like cells.
 */
export function finishTable(records: string[][], meta: Pick<ParsedTable, "format" | "encoding" | "delimiter">): Result<ParsedTable> {
  const first = records[0];
  if (!first || records.every(isBlankRecord)) return fail("invalid_request", "The file is empty");
  let headers = first.map((h) => h.trim());
  let width = headers.length;
  while (width > 1 && headers[width - 1] === "" && records.every((r, i) => i === 0 || r.length < width || r[width - 1] === "")) width--;
  if (width < headers.length) {
    headers = headers.slice(0, width);
    for (const r of records) if (r.length > width) r.length = width;
  }
  const checked = checkHeaders(headers, meta.format);
  if (!checked.ok) return checked;
  let end = records.length;
  while (end > 1 && isBlankRecord(records[end - 1]!)) end--;
  if (end <= 1) return fail("invalid_request", "The file has a header row but no data rows");
  const rows = end === records.length ? records : records.slice(0, end);
  rows.shift();
  const warnings = new IssueCollector();
  scanFormulas(checked.value, [first], 1, warnings);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.length !== width) rows[i] = padRow(r, width);
  }
  scanFormulas(checked.value, rows, 2, warnings);
  return ok({ ...meta, headers: checked.value, rows, warnings: warnings.list() });
}

function padRow(r: string[], width: number): string[] {
  const out = new Array<string>(width).fill("");
  for (let j = 0; j < Math.min(width, r.length); j++) out[j] = r[j]!;
  return out;
}

function scanFormulas(headers: string[], rows: string[][], firstRow: number, warnings: IssueCollector): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < r.length; j++) {
      const cell = r[j]!;
      if (cell.length === 0 || !startsLikeFormula(cell) || !isFormulaLike(cell)) continue;
      const column = headers[j] ?? `Column ${columnLetter(j)}`;
      warnings.warning(
        "formula_like",
        `Cell ${columnLetter(j)}${firstRow + i} starts like a formula ("${describe(cell)}"); it is kept as text and never evaluated`,
        firstRow + i,
        column,
      );
    }
  }
}

function describe(cell: string): string {
  const c = cell.charCodeAt(0);
  return c === 9 ? "tab" : c === 13 ? "carriage return" : cell.charAt(0);
}
