import fs from "node:fs";
import path from "node:path";
import { type Database, MIGRATIONS_DIR } from "../client.js";
import { copyLine } from "./copy-text.js";
import { ident, openSession, type SqlSession } from "./sql-session.js";

/**
 * `linnet backup`: a plain-format SQL dump in pg_dump's layout, written by Linnet (the embedded binaries ship no
 * pg_dump, and a distribution's older pg_dump refuses a newer server). The schema is the DDL of the migrations the
 * database has applied (so a restore reproduces exactly what `linnet migrate` built), then each table's rows as a
 * `COPY … FROM stdin;` block ended by `\.`, then the sequences. One REPEATABLE READ snapshot: consistent while Linnet
 * runs. pg-boss's schema is left out: it is a queue, not data; Linnet recreates it and its schedules at the next start
 * (see docs/architecture.md). Restorable by `linnet restore` and by `psql -f` into an empty database as a superuser.
 */

/** The schemas whose tables are Linnet's data: the app's and drizzle's migration journal. */
const SCHEMAS = ["public", "drizzle"];
const ROWS_PER_FETCH = 2000;

interface JournalEntry {
  when: number;
  tag: string;
}

/** The migration files the database has applied (drizzle records each file's `when`). */
async function appliedMigrationsSql(session: SqlSession): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  const rows = await session.query("SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations");
  const last = Number(rows[0]?.last ?? 0);
  const known = journal.entries.filter((e) => e.when <= last);
  if (!journal.entries.some((e) => e.when === last)) {
    throw new Error("The database was migrated by another version of Linnet than this one: back it up with that version.");
  }
  return known.map((e) => `-- migration ${e.tag}\n${fs.readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), "utf8").trim()}\n`);
}

async function tables(session: SqlSession): Promise<{ schema: string; name: string; columns: string[] }[]> {
  const rows = await session.query(
    `SELECT n.nspname AS schema, c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[])
      GROUP BY n.nspname, c.relname ORDER BY n.nspname, c.relname`,
    [SCHEMAS],
  );
  return rows.map((r) => ({ schema: String(r.schema), name: String(r.name), columns: parseArray(r.columns) }));
}

/** node-postgres parses text[]; PGlite may hand back the literal. */
function parseArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((s) => s.replace(/^"|"$/g, ""));
}

async function sequences(session: SqlSession): Promise<string[]> {
  const rows = await session.query(
    `SELECT schemaname AS schema, sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = ANY($1::text[]) AND last_value IS NOT NULL`,
    [SCHEMAS],
  );
  return rows.map((r) => `SELECT pg_catalog.setval('${ident(String(r.schema))}.${ident(String(r.name))}', ${Number(r.last)}, true);`);
}

/** Write the dump of `database` to `file`; returns the number of rows written. */
export async function writeBackup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const session = await openSession(database);
  const out = fs.openSync(`${file}.partial`, "w", 0o600);
  const write = (text: string) => fs.writeSync(out, text);
  let rowCount = 0;
  try {
    await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    write(
      "--\n-- PostgreSQL database dump\n--\n-- Written by `linnet backup`: restore with `linnet restore <file>` (or `psql -f <file>` into an empty database).\n\n",
    );
    write(
      "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSET check_function_bodies = false;\nSET client_min_messages = warning;\n\n",
    );
    write("--\n-- Schema: the applied migrations\n--\n\n");
    write(
      "CREATE SCHEMA IF NOT EXISTS drizzle;\nCREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);\n\n",
    );
    for (const migration of await appliedMigrationsSql(session)) write(`${migration}\n`);
    write("--\n-- Data (foreign keys are not checked while loading)\n--\n\nSET session_replication_role = replica;\n\n");
    const all = await tables(session);
    for (const table of all) {
      const qualified = `${ident(table.schema)}.${ident(table.name)}`;
      const columns = table.columns.map(ident).join(", ");
      write(`--\n-- Data for Name: ${table.name}; Schema: ${table.schema}\n--\n\nCOPY ${qualified} (${columns}) FROM stdin;\n`);
      const select = table.columns.map((c, i) => `${ident(c)}::text AS c${i}`).join(", ");
      await session.query(`DECLARE linnet_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${qualified}`);
      for (;;) {
        const rows = await session.query(`FETCH ${ROWS_PER_FETCH} FROM linnet_backup`);
        for (const row of rows) write(`${copyLine(table.columns.map((_, i) => (row[`c${i}`] as string | null) ?? null))}\n`);
        rowCount += rows.length;
        if (rows.length < ROWS_PER_FETCH) break;
      }
      await session.query("CLOSE linnet_backup");
      write("\\.\n\n");
    }
    write("SET session_replication_role = origin;\n\n--\n-- Sequences\n--\n\n");
    for (const line of await sequences(session)) write(`${line}\n`);
    write("\n--\n-- PostgreSQL database dump complete\n--\n");
    await session.query("COMMIT");
    fs.fsyncSync(out);
    fs.renameSync(`${file}.partial`, file);
    return { tables: all.length, rows: rowCount };
  } catch (err) {
    fs.rmSync(`${file}.partial`, { force: true });
    await session.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    fs.closeSync(out);
    await session.close();
  }
}
