/**
 * A fast reader for the CSV most exports are: quotes only around whole cells, `""` inside them, one line-end style.
 * It gives exactly the records csv-parse gives for such text (parse-csv-fast.test.ts compares the two on generated
 * files) at a fraction of the cost, and gives up (null) at the first thing it does not handle, so that csv-parse reads
 * the file instead: a quote inside an unquoted cell or after a closing quote, an unclosed quote, a lone CR, or mixed
 * line ends. Cells are slices of one string, not per-cell decodes of the bytes: UTF-8 bytes are read as Latin-1 (one
 * character per byte, so V8 keeps one-byte strings) and only the cells with a byte above 0x7F are decoded as UTF-8.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The line-end style of a text as csv-parse detects it (its first line end), or null for a style not handled here. */
function lineEnd(text: string): "crlf" | "lf" | "none" | null {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (cr < 0) return lf < 0 ? "none" : "lf";
  if (text.charCodeAt(cr + 1) !== LF || (lf >= 0 && lf < cr)) return null;
  return "crlf";
}

/**
 * The records of `input` (valid UTF-8 bytes, or decoded text) split on `delimiter` (one character), at most
 * `maxRecords` of them; null when it has anything csv-parse (with `relax_quotes` and `relax_column_count`) might read
 * differently.
 */
export function parseCsvFast(input: Buffer | string, delimiter: string, maxRecords = Number.POSITIVE_INFINITY): string[][] | null {
  const bytes = typeof input === "string" ? null : input;
  const text = bytes === null ? (input as string) : bytes.toString("latin1");
  if (delimiter.length !== 1) return null;
  const style = lineEnd(text);
  if (style === null) return null;
  const crlf = style === "crlf";
  const d = delimiter.charCodeAt(0);
  if (d === QUOTE || d === LF || d === CR) return null;
  const n = text.length;
  const records: string[][] = [];
  // cells gather here and each record is copied out at its exact length (no growing arrays left behind)
  const record: string[] = [];
  const pool = new CellPool();
  let i = 0;
  while (i < n && records.length < maxRecords) {
    // one cell, starting at i
    let c = text.charCodeAt(i);
    let cell: string;
    if (c === QUOTE) {
      const open = i + 1;
      let start = open;
      let value = "";
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) return null; // never closed: csv-parse reports it
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // a quoted cell may hold line ends, but only of the file's own style
      if (!crlf && value.includes("\r")) return null;
      if (crlf && !consistentCrlf(value)) return null;
      cell = bytes !== null && hasHighByte(value) ? bytes.toString("utf8", open, i - 1).replaceAll('""', '"') : value;
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== d && c !== CR && c !== LF) return null;
    } else {
      const start = i;
      let high = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === d || c === CR || c === LF) break;
        if (c === QUOTE) return null; // a quote inside a cell: relax_quotes rules
        high |= c;
        i++;
      }
      cell = bytes !== null && high > 0x7f ? bytes.toString("utf8", start, i) : text.slice(start, i);
      c = i < n ? c : -1;
    }
    record.push(pool.cell(record.length, cell));
    if (c === d) {
      i++;
      if (i === n) {
        record.push("");
        records.push(record.slice());
        record.length = 0;
      }
      continue;
    }
    if (c === -1) {
      records.push(record.slice());
      record.length = 0;
      break;
    }
    // a line end
    if (crlf) {
      if (c !== CR || text.charCodeAt(i + 1) !== LF) return null;
      i += 2;
    } else {
      if (c !== LF) return null;
      i += 1;
    }
    records.push(record.slice());
    record.length = 0;
  }
  return records;
}

/** Cells at most this long are shared between rows when their column repeats values. */
const POOLED_LENGTH = 40;
/** A column stops being pooled when this many of its values are distinct... */
const POOL_SIZE = 512;

/**
 * One string per repeated value of a column (statuses, departments, states, units…), so that a large file keeps one
 * copy of each instead of one per row: fewer objects live on, less memory and less garbage-collector work. Columns
 * of distinct values (ids, SSNs) stop being pooled once their pool is full.
 */
class CellPool {
  private readonly columns: (Map<string, string> | null)[] = [];

  /** The shared copy of `cell` in column `column` (the cell itself when new or not pooled). */
  cell(column: number, cell: string): string {
    if (cell.length > POOLED_LENGTH) return cell;
    let pool = this.columns[column];
    if (pool === undefined) {
      while (this.columns.length < column) this.columns.push(new Map());
      pool = new Map();
      this.columns[column] = pool;
    }
    if (pool === null) return cell;
    const known = pool.get(cell);
    if (known !== undefined) return known;
    if (pool.size >= POOL_SIZE) {
      this.columns[column] = null;
      return cell;
    }
    pool.set(cell, cell);
    return cell;
  }
}

/** True when a Latin-1 reading of UTF-8 has a byte above 0x7F (a multi-byte character). */
function hasHighByte(cell: string): boolean {
  for (let k = 0; k < cell.length; k++) if (cell.charCodeAt(k) > 0x7f) return true;
  return false;
}

/** True when every CR in a cell starts a CRLF and every LF ends one. */
function consistentCrlf(value: string): boolean {
  for (let k = value.indexOf("\n"); k >= 0; k = value.indexOf("\n", k + 1)) if (value.charCodeAt(k - 1) !== CR) return false;
  for (let k = value.indexOf("\r"); k >= 0; k = value.indexOf("\r", k + 1)) if (value.charCodeAt(k + 1) !== LF) return false;
  return true;
}
