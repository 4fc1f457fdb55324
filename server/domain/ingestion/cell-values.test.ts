import { describe, expect, it } from "vitest";
import { escapeCsvCell, isFormulaLike } from "./formula-cells.js";
import { parseCents, parseDecimal, parseDollars } from "./parse-amount.js";
import { isIsoDate, parseDate } from "./parse-date.js";
import { maskSsn, normalizeSsn, ssnProblem } from "./ssn.js";

describe("parseDate", () => {
  it.each([
    ["MM/DD/YYYY", "07/04/2024", "2024-07-04"],
    ["MM/DD/YYYY", "7/4/2024", "2024-07-04"],
    ["MM/DD/YYYY", "07/04/2024 12:00:00 AM", "2024-07-04"],
    ["DD/MM/YYYY", "04/07/2024", "2024-07-04"],
    ["DD/MM/YYYY", "31.12.2023", "2023-12-31"],
    ["M/D/YY", "7/4/24", "2024-07-04"],
    ["M/D/YY", "1/5/71", "1971-01-05"],
    ["M/D/YY", "2/29/2024", "2024-02-29"],
    ["YYYY-MM-DD", "2024-07-04", "2024-07-04"],
    ["MM/DD/YYYY", "2024-07-04", "2024-07-04"],
    ["MM/DD/YYYY", "2024-07-04T00:00:00Z", "2024-07-04"],
  ] as const)("%s reads %j", (format, raw, iso) => {
    expect(parseDate(raw, format)).toBe(iso);
  });
  it.each([
    ["MM/DD/YYYY", "13/01/2024"],
    ["MM/DD/YYYY", "02/30/2024"],
    ["MM/DD/YYYY", "02/29/2023"],
    ["DD/MM/YYYY", "01/13/2024"],
    ["YYYY-MM-DD", "07/04/2024"],
    ["MM/DD/YYYY", "July 4, 2024"],
    ["MM/DD/YYYY", "45292"],
    ["MM/DD/YYYY", "07/04"],
    ["MM/DD/YYYY", "2024-13-01"],
  ] as const)("%s rejects %j", (format, raw) => {
    expect(parseDate(raw, format)).toBeNull();
  });
  it("isIsoDate", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-2-9")).toBe(false);
  });
});

describe("amounts", () => {
  it.each([
    ["1,234.56", 123456],
    ["$1,234.56", 123456],
    ["-12.5", -1250],
    ["(12.50)", -1250],
    ["12.50-", -1250],
    ["0.005", 1],
    ["7", 700],
    ["24,50", 2450],
    ["1.234,56", 123456],
    ["68 500,00", 6850000],
    ["1,234", 123400],
  ] as const)("dollars %j → %d cents", (raw, cents) => {
    expect(parseDollars(raw)).toBe(cents);
  });
  it.each(["abc", "", "1.2.3", "$", "12a"])("dollars rejects %j", (raw) => {
    expect(parseDollars(raw)).toBeNull();
  });
  it("cents and decimals", () => {
    expect(parseCents("123456")).toBe(123456);
    expect(parseCents("12.5")).toBeNull();
    expect(parseDecimal("7.5")).toBe(7.5);
    expect(parseDecimal("7,5")).toBe(7.5);
    expect(parseDecimal("1,040.25")).toBe(1040.25);
    expect(parseDecimal("eight")).toBeNull();
  });
});

describe("SSNs", () => {
  it("normalizes 9 digits", () => {
    expect(normalizeSsn("512448190")).toBe("512-44-8190");
    expect(normalizeSsn("512 44 8190")).toBe("512-44-8190");
    expect(normalizeSsn("12448190")).toBe("12448190");
  });
  it.each(["512-44-8190", "512448190"])("accepts %s", (ssn) => expect(ssnProblem(ssn)).toBeNull());
  it.each([
    ["000-12-3456", /area/],
    ["666-12-3456", /area/],
    ["912-12-3456", /area/],
    ["512-00-3456", /group/],
    ["512-44-0000", /serial/],
    ["51244819", /form/],
    ["512-448-190", /form/],
    ["ABC-DE-FGHI", /form/],
  ])("rejects %s", (ssn, reason) => expect(ssnProblem(ssn)).toMatch(reason));
  it("masks", () => {
    expect(maskSsn("512-44-8190")).toBe("***-**-8190");
    expect(maskSsn(null)).toBeNull();
  });
});

describe("escapeCsvCell", () => {
  it("prefixes formula-like text with a quote and quotes when needed", () => {
    expect(escapeCsvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(escapeCsvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(escapeCsvCell("@foo")).toBe("'@foo");
    expect(escapeCsvCell("\tx")).toBe("'\tx");
    expect(escapeCsvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(escapeCsvCell("Manager, West")).toBe('"Manager, West"');
    expect(escapeCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(escapeCsvCell("a;b", ";")).toBe('"a;b"');
    expect(escapeCsvCell("plain")).toBe("plain");
  });
  it("leaves numbers, phone numbers and empty values alone", () => {
    expect(escapeCsvCell(-12.5)).toBe("-12.5");
    expect(escapeCsvCell("-12.50")).toBe("-12.50");
    expect(escapeCsvCell("+1 (415) 555-0100")).toBe("+1 (415) 555-0100");
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell(true)).toBe("true");
  });
  it("agrees with isFormulaLike", () => {
    for (const s of ["=1", "-1+cmd", "@", "\r", "-", "+", "-5", "x=1"]) expect(escapeCsvCell(s).includes("'")).toBe(isFormulaLike(s));
  });
});

describe("Windows-1252", () => {
  it("decodes 0x80–0x9F as Windows-1252 characters, not Latin-1 controls", async () => {
    const { decodeWindows1252 } = await import("./text-encoding.js");
    expect(decodeWindows1252(new Uint8Array([0x80, 0x92, 0x93, 0x94, 0x96, 0x9f, 0xe9, 0x41]))).toBe("€’“”–ŸéA");
  });
});
