import { describe, expect, it } from "vitest";
import { fixtureBytes } from "./fixtures/golden-cases.js";
import { parseUpload } from "./index.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function parsed(text: string | Uint8Array, name = "upload.csv", maxRows?: number) {
  const result = await parseUpload(typeof text === "string" ? utf8(text) : text, name, maxRows === undefined ? {} : { maxRows });
  if (!result.ok) throw new Error(`unexpected failure: ${result.error.message}`);
  return result.value;
}

async function failure(text: string | Uint8Array, name = "upload.csv", maxRows?: number) {
  const result = await parseUpload(typeof text === "string" ? utf8(text) : text, name, maxRows === undefined ? {} : { maxRows });
  if (result.ok) throw new Error("expected a failure");
  expect(result.error.id).toBe("invalid_request");
  return result.error.message;
}

describe("CSV encoding", () => {
  it("strips a UTF-8 BOM", async () => {
    const t = await parsed(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Associate ID,Name\r\n1,Zoë\r\n")]));
    expect(t).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", headers: ["Associate ID", "Name"], rows: [["1", "Zoë"]] });
  });
  it("decodes invalid UTF-8 as Windows-1252", async () => {
    const latin1 = new Uint8Array([...utf8("id;name\r\n7;Jos"), 0xe9, ...utf8(" Mu"), 0xf1, ...utf8("oz "), 0x80, ...utf8("\r\n")]);
    const t = await parsed(latin1);
    expect(t.encoding).toBe("windows-1252");
    expect(t.rows[0]).toEqual(["7", "José Muñoz €"]);
  });
  it("refuses UTF-16", async () => {
    expect(await failure(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toMatch(/UTF-16/);
  });
});

describe("CSV delimiters and quoting", () => {
  it.each([
    [",", "a,b,c\n1,2,3\n"],
    [";", "a;b;c\n1;2,5;3\n"],
    ["\t", "a\tb\tc\n1\t2\t3\n"],
    ["|", "a|b|c\n1|2|3\n"],
  ])("detects %j", async (delimiter, text) => {
    const t = await parsed(text);
    expect(t.delimiter).toBe(delimiter);
    expect(t.headers).toEqual(["a", "b", "c"]);
  });
  it("prefers the delimiter with a consistent column count", async () => {
    // Commas appear in the header only inside a quoted cell and in one data value: semicolon is the consistent one.
    const t = await parsed('"Name, legal";id;rate\nAnn;1;2,5\nBob;2;3\n');
    expect(t.delimiter).toBe(";");
    expect(t.rows).toEqual([
      ["Ann", "1", "2,5"],
      ["Bob", "2", "3"],
    ]);
  });
  it("reads quoted fields, escaped quotes, CRLF and multi-line cells", async () => {
    const t = await parsed('id,note,title\r\n1,"He said ""hi""","Manager, West"\r\n2,"two\r\nlines",x\r\n');
    expect(t.rows).toEqual([
      ["1", 'He said "hi"', "Manager, West"],
      ["2", "two\r\nlines", "x"],
    ]);
  });
  it("keeps blank lines as empty rows (so row numbers match the file) and drops trailing ones", async () => {
    const t = await parsed("id,name\n1,a\n\n3,c\n\n\n");
    expect(t.rows).toEqual([
      ["1", "a"],
      ["", ""],
      ["3", "c"],
    ]);
  });
  it("drops empty trailing columns", async () => {
    const t = await parsed("id,name,,\n1,a,,\n2,b,,\n");
    expect(t.headers).toEqual(["id", "name"]);
    expect(t.rows).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
  });
  it("names blank headers after their column letter", async () => {
    const t = await parsed("id,,name\n1,x,a\n");
    expect(t.headers).toEqual(["id", "Column B", "name"]);
  });
});

describe("bad files", () => {
  it("empty", async () => {
    expect(await failure("")).toMatch(/empty/);
    expect(await failure(" \r\n \n")).toMatch(/empty/);
  });
  it("header only", async () => {
    expect(await failure("id,name\r\n")).toMatch(/no data rows/);
    expect(await failure("id,name\n\n\n")).toMatch(/no data rows/);
  });
  it("ragged rows name the first lines", async () => {
    const message = await failure('id,name,dept\n1,a,x\n2,b\n3,c,y\n4,d,z,extra\n5,"multi\nline",q\n6,f\n');
    expect(message).toMatch(/lines 3, 5, 8/);
    expect(message).toMatch(/header has 3/);
  });
  it("a single column suggests the wrong delimiter", async () => {
    expect(await failure("id:name:dept\n1:a:x\n2:b:y\n")).toMatch(/single column.*wrong delimiter/);
  });
  it("duplicate headers are named, case- and space-insensitively", async () => {
    const message = await failure("id,Name,dept,name,Dept \n1,a,b,c,d\n");
    expect(message).toMatch(/Duplicate column headers/);
    expect(message).toContain('"Name" / "name"');
    expect(message).toContain('"dept" / "Dept"');
  });
  it("an unclosed quote", async () => {
    expect(await failure('id,name\n1,"never closed\n2,b\n')).toMatch(/never closed/);
  });
  it("not a CSV or XLSX", async () => {
    expect(await failure(utf8("%PDF-1.7\n..."), "census.pdf")).toMatch(/PDF/);
    expect(await failure(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00]), "blob.bin")).toMatch(/not a CSV or XLSX/);
    expect(await failure(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old.xls")).toMatch(/\.xls/);
    expect(await failure(utf8("id,name\n1,a\n"), "census.xlsx")).toMatch(/not an XLSX/);
    expect(await failure(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "census.xlsx")).toMatch(/not a readable XLSX/);
  });
  it("more rows than allowed", async () => {
    expect(await failure("id,name\n1,a\n2,b\n3,c\n", "x.csv", 2)).toMatch(/more than 2 data rows/);
    expect((await parsed("id,name\n1,a\n2,b\n", "x.csv", 2)).rows).toHaveLength(2);
  });
});

describe("formula-like cells", () => {
  it("are kept exactly as text and flagged with row and column", async () => {
    const cells = ['=HYPERLINK("http://x.example","click")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3+cmd|x", "\tindented"];
    const text = `id,name\n${cells.map((c, i) => `${i + 1},"${c.replaceAll('"', '""')}"`).join("\n")}\n`;
    const t = await parsed(text);
    expect(t.rows.map((r) => r[1])).toEqual(cells);
    expect(t.warnings.map((w) => [w.code, w.row, w.column])).toEqual(cells.map((_, i) => ["formula_like", i + 2, "name"]));
    expect(t.warnings.every((w) => w.severity === "warning")).toBe(true);
  });
  it("signed numbers and phone numbers are not flagged", async () => {
    const t = await parsed('id,amount,phone\n1,-12.50,+1 (415) 555-0100\n2,"-1,234.00",-\n');
    expect(t.warnings).toEqual([]);
  });
});

describe("XLSX", () => {
  it("reads the first sheet: dates, numbers, formulas' cached results, rich text and links as text", async () => {
    const t = await parsed(fixtureBytes("paylocity-census.xlsx"), "census.xlsx");
    expect(t).toMatchObject({ format: "xlsx", encoding: "utf-8", delimiter: null });
    const col = (name: string) => t.headers.indexOf(name);
    const first = t.rows[0]!;
    expect(first[col("Employee Id")]).toBe("2001");
    expect(first[col("Birth Date")]).toBe("1980-02-11");
    expect(first[col("Base Rate")]).toBe("152000");
    expect(first[col("Annual Salary")]).toBe("152000");
    expect(t.rows[1]![col("Base Rate")]).toBe("48.5");
    expect(t.rows[1]![col("Annual Salary")]).toBe("100880");
    expect(t.rows[1]![col("Last Name")]).toBe("Kowalski");
    expect(t.rows[2]![col("Work Email")]).toBe("omar.haddad@lakeviewdental.com");
    expect(t.rows[4]![col("Rehire Date")]).toBe("04/01/2019");
  });
  it("is recognised by its signature whatever the name, and flags formula-like text", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Report");
    sheet.addRow(["id", "name", "total"]);
    sheet.addRow([1, "=1+1", { formula: "A2*2" }]);
    sheet.addRow([2, "Ann", { formula: "A3*2", result: 4 }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const t = await parsed(bytes, "report.csv");
    expect(t.format).toBe("xlsx");
    expect(t.rows).toEqual([
      ["1", "=1+1", ""],
      ["2", "Ann", "4"],
    ]);
    expect(t.warnings).toMatchObject([{ code: "formula_like", row: 2, column: "name" }]);
  });
});
