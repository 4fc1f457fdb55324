/**
 * XLSX uploads: the first worksheet, read with exceljs. Dates become YYYY-MM-DD, numbers plain strings, and formula
 * cells their cached result as text; nothing is ever evaluated.
 */
import ExcelJS, { type CellValue } from "exceljs";
import { fail, type Result } from "../errors.js";
import { finishTable, listNumbers, type ParsedTable } from "./parsed-table.js";

/** A YYYY-MM-DD day from a date exceljs decoded (dates are read as UTC midnight). */
function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** A number as a plain string, without binary floating-point noise (Excel keeps 15 significant digits). */
function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** The text of one cell value. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return plainNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDay(value);
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text ?? "");
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as CellValue);
  return "";
}

/** Parse XLSX bytes (its first worksheet) into a table; `maxRows` bounds the data rows read. */
export async function parseXlsx(bytes: Uint8Array, maxRows?: number): Promise<Result<ParsedTable>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
  } catch {
    return fail("invalid_request", "The file is not a readable XLSX workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return fail("invalid_request", "The file is empty");
  const last = sheet.rowCount;
  if (maxRows !== undefined && last - 1 > maxRows) return fail("invalid_request", `The file has more than ${maxRows} data rows`);
  const header = rowTexts(sheet.findRow(1)?.values);
  const width = header.length;
  const records: string[][] = [header];
  const ragged: number[] = [];
  let raggedTotal = 0;
  for (let r = 2; r <= last; r++) {
    const cells = rowTexts(sheet.findRow(r)?.values);
    if (cells.length > width) {
      raggedTotal++;
      if (ragged.length < 5) ragged.push(r);
    }
    records.push(cells);
  }
  if (width > 1 && raggedTotal > 0) {
    return fail("invalid_request", `Rows have cells beyond the last header column (${width}): rows ${listNumbers(ragged, raggedTotal)}`);
  }
  return finishTable(records, { format: "xlsx", encoding: "utf-8", delimiter: null });
}

/** One row's cells as text, up to its last non-empty cell (exceljs row values start at index 1). */
function rowTexts(values: CellValue[] | { [key: string]: CellValue } | undefined): string[] {
  if (!values || !Array.isArray(values)) return [];
  const out: string[] = [];
  let end = 0;
  for (let c = 1; c < values.length; c++) {
    const text = cellText(values[c]);
    out.push(text);
    if (text !== "") end = c;
  }
  out.length = end;
  return out;
}
