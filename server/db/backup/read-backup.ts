import fs from "node:fs";
import readline from "node:readline";
import type { Database } from "../client.js";
import { parseCopyLine } from "./copy-text.js";
import { openSession, type SqlSession } from "./sql-session.js";

/**
 * `linnet restore`: load a `linnet backup` file in one transaction (all or nothing). SQL between the data blocks runs
 * as scripts; each `COPY … FROM stdin;` block becomes batched INSERTs (node-postgres and PGlite speak no COPY FROM
 * STDIN here), typed by the target columns. A database that already holds tables is refused unless `force`, which
 * drops Linnet's schemas (and pg-boss's) first, inside the same transaction.
 */

/** Bound parameters per INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;
const COPY_START = /^COPY (.+) \((.+)\) FROM stdin;$/;

/** Whether the database holds any of Linnet's tables. */
export async function holdsData(session: SqlSession): Promise<boolean> {
  const rows = await session.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle', 'pgboss')");
  return Number(rows[0]?.n ?? 0) > 0;
}

async function insertRows(session: SqlSession, table: string, columns: string, width: number, rows: (string | null)[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`).join(", ");
  await session.query(`INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE VALUES ${values}`, rows.flat());
}

/** Restore `file` into `database`; returns the number of rows loaded. */
export async function readBackup(database: Database, file: string, opts: { force: boolean }): Promise<{ rows: number }> {
  const session = await openSession(database);
  let rowCount = 0;
  try {
    if ((await holdsData(session)) && !opts.force) {
      throw new Error("The database is not empty: restoring would mix two installations. Use --force to replace its contents.");
    }
    await session.query("BEGIN");
    if (opts.force)
      await session.query(
        "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
      );
    const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
    let script: string[] = [];
    let copy: { table: string; columns: string; width: number; batch: (string | null)[][] } | null = null;
    for await (const line of lines) {
      if (copy) {
        if (line === "\\.") {
          await insertRows(session, copy.table, copy.columns, copy.width, copy.batch);
          copy = null;
          continue;
        }
        const row = parseCopyLine(line);
        if (row.length !== copy.width) throw new Error(`${file}: a row of ${copy.table} has ${row.length} values, expected ${copy.width}`);
        copy.batch.push(row);
        rowCount++;
        if ((copy.batch.length + 1) * copy.width > MAX_PARAMS) {
          await insertRows(session, copy.table, copy.columns, copy.width, copy.batch);
          copy.batch = [];
        }
        continue;
      }
      const start = COPY_START.exec(line);
      if (!start) {
        script.push(line);
        continue;
      }
      if (script.join("").trim()) await session.query(script.join("\n"));
      script = [];
      copy = { table: start[1]!, columns: start[2]!, width: start[2]!.split(", ").length, batch: [] };
    }
    if (copy) throw new Error(`${file} ends inside the data of ${copy.table}: the backup is truncated`);
    if (script.join("").trim()) await session.query(script.join("\n"));
    await session.query("COMMIT");
    return { rows: rowCount };
  } catch (err) {
    await session.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await session.close();
  }
}
