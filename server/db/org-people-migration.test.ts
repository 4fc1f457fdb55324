import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateDatabase, openDatabase } from "./client.js";

/** A copy of the migrations folder holding only those before the org_people migration. */
function migrationsBeforeOrgPeople(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith("_org_people"));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("org_people migration", () => {
  const folder = migrationsBeforeOrgPeople();
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("carries each person's three records of existing snapshots into one row and leaves other records", async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      await database.migrate(folder);
      const s = "11111111-1111-4111-8111-111111111111";
      const a = "22222222-2222-4222-8222-222222222222";
      const b = "33333333-3333-4333-8333-333333333333";
      await database.executeSql(`insert into snapshot_records (snapshot_id, kind, position, id, json, sealed) values
        ('${s}', 'company', 0, '${s}', '{"c":1}', 'v1.bank'),
        ('${s}', 'directory', 0, '${a}', '{"d":"a"}', null), ('${s}', 'individual', 0, '${a}', '{"i":"a"}', 'v1.ssnA'),
        ('${s}', 'employment', 0, '${a}', '{"e":"a"}', null),
        ('${s}', 'directory', 1, '${b}', '{"d":"b"}', null), ('${s}', 'individual', 1, '${b}', '{"i":"b"}', null),
        ('${s}', 'employment', 1, '${b}', '{"e":"b"}', null),
        ('${s}', 'payment', 0, '${b}', '{"p":1}', null)`);

      await migrateDatabase(database);

      const people = await database.executeSql(
        "select position, id, directory, individual, employment, sealed from org_people order by position",
      );
      expect(people.rows).toEqual([
        { position: 0, id: a, directory: '{"d":"a"}', individual: '{"i":"a"}', employment: '{"e":"a"}', sealed: "v1.ssnA" },
        { position: 1, id: b, directory: '{"d":"b"}', individual: '{"i":"b"}', employment: '{"e":"b"}', sealed: null },
      ]);
      const left = await database.executeSql("select kind, sealed from snapshot_records order by kind");
      expect(left.rows).toEqual([
        { kind: "company", sealed: "v1.bank" },
        { kind: "payment", sealed: null },
      ]);
    } finally {
      await database.close();
    }
  });
});
