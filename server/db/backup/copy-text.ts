/** PostgreSQL's COPY text format: one row per line, tab-separated, `\N` for NULL, backslash escapes. */

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const UNESCAPES: Record<string, string> = { "\\": "\\", n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v" };

/** One row (values already in their text form) as a COPY line. */
export function copyLine(values: (string | null)[]): string {
  return values.map((v) => (v === null ? "\\N" : v.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!))).join("\t");
}

/** A COPY line back into its values. */
export function parseCopyLine(line: string): (string | null)[] {
  return line.split("\t").map((field) => (field === "\\N" ? null : field.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c)));
}
