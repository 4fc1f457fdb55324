/** Finds a CSV's delimiter from its first records: the candidate that splits every one into the same number of columns. */

/** Delimiters tried, in order of preference when several fit equally well. */
export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Records looked at. */
const SAMPLE_RECORDS = 50;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Count each candidate outside quotes, record by record, over the start of the text. `complete` says whether the
 * sample is the whole text; if not, its last record may be cut short and is not counted.
 */
function countPerRecord(sample: string, complete: boolean): number[][] {
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  const records: number[][] = [];
  let current = codes.map(() => 0);
  let inQuotes = false;
  let empty = true;
  for (let i = 0; i < sample.length && records.length < SAMPLE_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    if (inQuotes) {
      empty = false;
      continue;
    }
    if (c === LF || c === CR) {
      if (!empty) records.push(current);
      current = codes.map(() => 0);
      empty = true;
      continue;
    }
    empty = false;
    const k = codes.indexOf(c);
    if (k >= 0) current[k]!++;
  }
  if (!empty && complete && records.length < SAMPLE_RECORDS) records.push(current);
  return records;
}

/**
 * The delimiter: among those giving more than one column, one whose count is the same on every sampled record
 * (the most columns wins), else the one with the most columns in the header. `,` when nothing splits the header.
 */
export function detectDelimiter(sample: string, complete: boolean): string {
  const records = countPerRecord(sample, complete);
  const header = records[0];
  if (!header) return ",";
  let best = -1;
  let bestConsistent = false;
  for (let k = 0; k < DELIMITERS.length; k++) {
    const n = header[k]!;
    if (n === 0) continue;
    const consistent = records.every((r) => r[k] === n);
    if (best < 0) {
      best = k;
      bestConsistent = consistent;
      continue;
    }
    const better = consistent !== bestConsistent ? consistent : n > header[best]!;
    if (better) {
      best = k;
      bestConsistent = consistent;
    }
  }
  return best < 0 ? "," : DELIMITERS[best]!;
}
