import { describe, expect, it } from "vitest";
import { dayFromParts, isoDate, partsOf } from "./calendar.js";
import { formatSsn, isValidRoutingNumber, isValidSsn, randomRoutingNumber, randomSsnNumber } from "./identifiers.js";
import { createRng } from "./random.js";

describe("identifiers", () => {
  it("routing numbers pass the ABA checksum", () => {
    expect(isValidRoutingNumber("021000021")).toBe(true); // a well-known real one
    expect(isValidRoutingNumber("021000022")).toBe(false);
    const rng = createRng("aba");
    for (let i = 0; i < 2000; i++) expect(isValidRoutingNumber(randomRoutingNumber(rng))).toBe(true);
  });
  it("SSNs avoid area 000, 666 and 900–999, group 00 and serial 0000", () => {
    expect(isValidSsn("666-12-3456")).toBe(false);
    expect(isValidSsn("900-12-3456")).toBe(false);
    expect(isValidSsn("123-00-3456")).toBe(false);
    expect(isValidSsn("123-45-0000")).toBe(false);
    const rng = createRng("ssn");
    for (let i = 0; i < 20_000; i++) expect(isValidSsn(formatSsn(randomSsnNumber(rng)))).toBe(true);
  });
});

describe("calendar", () => {
  it("matches Date for every day from 1900 to 2100", () => {
    for (let day = -25_567; day < 47_482; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(day) !== iso) expect(isoDate(day)).toBe(iso);
      const { year, month, dayOfMonth } = partsOf(day);
      if (dayFromParts(year, month, dayOfMonth) !== day) expect(dayFromParts(year, month, dayOfMonth)).toBe(day);
    }
    expect(isoDate(dayFromParts(2024, 13, 0))).toBe("2024-12-31");
    expect(isoDate(dayFromParts(2024, 3, 0))).toBe("2024-02-29");
  });
});
