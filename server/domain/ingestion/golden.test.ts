import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { OrgSnapshotInputSchema, PaySnapshotInputSchema } from "../../../contracts/linnet/snapshot-input.js";
import { expectedPath, GOLDEN_FILES, runGolden } from "./fixtures/golden-cases.js";

// Each built-in template has a real-looking export and a committed expected result. After an intended change, rewrite
// them with `node --import tsx server/domain/ingestion/fixtures/write-expected.ts` and review the diff.
describe("golden fixtures: parse → detect → map → validate", () => {
  for (const name of GOLDEN_FILES) {
    it(name, async () => {
      const actual = (await runGolden(name)) as { detected: { group: string }; input: unknown; report: { ok: boolean } };
      const expected = JSON.parse(fs.readFileSync(expectedPath(name), "utf8"));
      expect(actual).toEqual(expected);
      expect(actual.report.ok).toBe(true);
      const schema = actual.detected.group === "org" ? OrgSnapshotInputSchema : PaySnapshotInputSchema;
      expect(schema.safeParse(actual.input).success).toBe(true);
    });
  }

  it("the fixtures are what they claim to be", async () => {
    const adp = (await runGolden("adp-wfn-census.csv")) as { table: { encoding: string; delimiter: string } };
    const paychex = (await runGolden("paychex-flex-census.csv")) as {
      table: { encoding: string; delimiter: string };
      input: { people: { individual: { first_name: string; last_name: string } }[] };
    };
    const paylocity = (await runGolden("paylocity-census.xlsx")) as { table: { format: string } };
    expect(fs.readFileSync(new URL("./fixtures/adp-wfn-census.csv", import.meta.url)).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(adp.table).toMatchObject({ encoding: "utf-8", delimiter: "," });
    expect(paychex.table).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(paychex.input.people[0]!.individual).toMatchObject({ first_name: "José", last_name: "Muñoz" });
    expect(paylocity.table.format).toBe("xlsx");
  });
});
