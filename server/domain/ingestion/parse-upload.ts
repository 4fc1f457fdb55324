/** The first step of ingestion: an uploaded file's bytes → a table of text cells (CSV or XLSX). */
import { fail, type Result } from "../errors.js";
import { parseCsv } from "./parse-csv.js";
import { parseXlsx } from "./parse-xlsx.js";
import type { ParsedTable } from "./parsed-table.js";

/** Options of {@link parseUpload}. */
export interface ParseUploadOptions {
  /** Refuse files with more data rows than this. */
  maxRows?: number;
}

/** True when the bytes start with a ZIP local-file header (`PK\x03\x04`), as every XLSX does. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for the OLE2 signature of legacy `.xls` (and other old Office) files. */
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Parse an uploaded report into headers and rows of text. XLSX is recognised by its extension or its ZIP signature;
 * everything else is read as CSV. Failures are `invalid_request` errors that name the problem.
 */
export async function parseUpload(bytes: Uint8Array, fileName: string, opts: ParseUploadOptions = {}): Promise<Result<ParsedTable>> {
  if (bytes.length === 0) return fail("invalid_request", "The file is empty");
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (isZip(bytes)) return parseXlsx(bytes, opts.maxRows);
  if (extension === "xlsx") return fail("invalid_request", "The file is named .xlsx but is not an XLSX workbook");
  if (isOle2(bytes) || extension === "xls")
    return fail("invalid_request", "Legacy .xls workbooks are not supported; save the report as .xlsx or CSV");
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return fail("invalid_request", "The file is a PDF, not a CSV or XLSX file; export the report as CSV or Excel");
  }
  return parseCsv(bytes, opts.maxRows);
}
