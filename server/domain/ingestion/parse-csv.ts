/** CSV uploads: encoding, delimiter, then the fast reader for plain CSV or csv-parse for the rest (quoted fields, escaped quotes, CRLF, multi-line cells). */
import { type CsvError, parse } from "csv-parse/sync";
import { fail, type Result } from "../errors.js";
import { detectDelimiter } from "./detect-delimiter.js";
import { parseCsvFast } from "./parse-csv-fast.js";
import { findRaggedRecords, finishTable, isBlankRecord, listNumbers, type ParsedTable } from "./parsed-table.js";
import { decodeCsvBytes } from "./text-encoding.js";

/** Parse CSV bytes into a table; `maxRows` bounds the data rows read. */
export function parseCsv(bytes: Uint8Array, maxRows?: number): Result<ParsedTable> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const { encoding, input, sample, complete } = decoded.value;
  const delimiter = detectDelimiter(sample, complete);
  // most exports are plain CSV, read by the fast path; anything it does not handle goes to csv-parse
  let records = parseCsvFast(input, delimiter, maxRows === undefined ? undefined : maxRows + 2);
  if (records === null) {
    try {
      records = parse(input, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        ...(maxRows === undefined ? {} : { to: maxRows + 2 }),
      }) as string[][];
    } catch (error) {
      return fail("invalid_request", `The CSV could not be read: ${describeCsvError(error)}`);
    }
  }
  while (records.length > 1 && isBlankRecord(records[records.length - 1]!)) records.pop();
  if (maxRows !== undefined && records.length > maxRows + 1) {
    return fail("invalid_request", `The file has more than ${maxRows} data rows`);
  }
  const width = records[0]?.length ?? 0;
  if (width > 1) {
    const ragged = findRaggedRecords(records, width);
    if (ragged.total > 0) return fail("invalid_request", raggedMessage(input, delimiter, width, ragged));
  }
  return finishTable(records, { format: "csv", encoding, delimiter });
}

/** Names the first ragged rows by their line in the file (a quoted cell may span lines, so lines are recounted). */
function raggedMessage(input: Buffer | string, delimiter: string, width: number, ragged: { indexes: number[]; total: number }): string {
  const wanted = new Set(ragged.indexes);
  const lines: number[] = [];
  const counts: number[] = [];
  let index = 0;
  parse(input, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    to: (ragged.indexes.at(-1) ?? 0) + 1,
    on_record: (record: string[], context) => {
      if (wanted.has(index)) {
        lines.push(context.lines);
        counts.push(record.length);
      }
      index++;
      return null;
    },
  });
  const plural = ragged.total === 1 ? "line" : "lines";
  const found = [...new Set(counts)].join(" or ");
  return `Rows have different numbers of columns: ${plural} ${listNumbers(lines, ragged.total)} ${ragged.total === 1 ? "has" : "have"} ${found} cells where the header has ${width}`;
}

function describeCsvError(error: unknown): string {
  const e = error as Partial<CsvError>;
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return `a quoted cell opened on line ${e.lines ?? "?"} is never closed`;
  return error instanceof Error ? error.message : String(error);
}
