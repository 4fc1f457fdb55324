import fs from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvFast } from "./parse-csv-fast.js";

/** What parseCsv asks of csv-parse; undefined when csv-parse refuses the text. */
function reference(text: string, delimiter: string, to?: number): string[][] | undefined {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, ...(to === undefined ? {} : { to }) }) as string[][];
  } catch {
    return undefined;
  }
}

/** The fast path either gives up or gives csv-parse's records. */
function agrees(text: string, delimiter: string, to?: number): boolean {
  const expected = reference(text, delimiter, to);
  for (const input of [text, Buffer.from(text, "utf8")]) {
    const fast = parseCsvFast(input, delimiter, to);
    if (fast !== null) expect(fast).toEqual(expected);
  }
  return true;
}

const CHARS = ["a", "b", "é", " ", ",", ";", "\t", '"', '"', "\r", "\n", "\r\n", "\r\n", "1"];

describe("parseCsvFast", () => {
  it("reads what csv-parse reads, or gives up, on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((parts) => parts.join("")),
        fc.constantFrom(",", ";", "\t"),
        (text, delimiter) => agrees(text, delimiter),
      ),
      { numRuns: 4_000 },
    );
  });

  it("reads well-formed files (quoted cells, escaped quotes, multi-line cells) exactly as csv-parse", () => {
    const cell = fc.array(fc.constantFrom("x", "Zoë", " ", ",", '"', "\r\n", "-"), { maxLength: 6 }).map((p) => p.join(""));
    const quote = (c: string) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replaceAll('"', '""')}"` : c);
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.boolean(), fc.nat(10), (rows, finalLineEnd, to) => {
        const text = rows.map((r) => r.map(quote).join(",")).join("\r\n") + (finalLineEnd ? "\r\n" : "");
        expect(parseCsvFast(text, ",")).not.toBeNull();
        expect(parseCsvFast(Buffer.from(text, "utf8"), ",")).not.toBeNull();
        agrees(text, ",");
        return agrees(text, ",", to + 1);
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads the golden CSV exports exactly as csv-parse", () => {
    for (const [name, delimiter] of [
      ["adp-wfn-census.csv", ","],
      ["adp-wfn-payroll-register.csv", ","],
      ["paychex-flex-census.csv", ";"],
    ] as const) {
      const text = fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8").replace(/^\uFEFF/, "");
      const fast = parseCsvFast(Buffer.from(text, "utf8"), delimiter);
      expect(fast, name).not.toBeNull();
      expect(fast).toEqual(reference(text, delimiter));
    }
  });

  it("gives up on what csv-parse reads leniently or refuses", () => {
    expect(parseCsvFast('a,b"c\n1,2\n', ",")).toBeNull();
    expect(parseCsvFast('a,"b"c\n', ",")).toBeNull();
    expect(parseCsvFast('a,"b\n', ",")).toBeNull();
    expect(parseCsvFast("a,b\r\n1,2\n3,4\r\n", ",")).toBeNull();
    expect(parseCsvFast("a,b\r1,2\r", ",")).toBeNull();
  });
});
