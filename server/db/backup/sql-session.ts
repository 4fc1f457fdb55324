import pg from "pg";
import type { Database } from "../client.js";

/** One connection for a whole backup or restore (a transaction and a cursor need the same session). */
export interface SqlSession {
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A dedicated client on PostgreSQL; PGlite has only its one connection. */
export async function openSession(database: Database): Promise<SqlSession> {
  if (database.kind === "postgres" && database.connectionString) {
    const client = new pg.Client({ connectionString: database.connectionString });
    client.on("error", () => {}); // a dropped connection fails the next query instead of ending the process
    await client.connect();
    return {
      query: async (text, values) => (await client.query(text, values)).rows as Record<string, unknown>[],
      close: () => client.end(),
    };
  }
  return {
    query: async (text, values) => (await database.executeSql(text, values)).rows as Record<string, unknown>[],
    close: async () => {},
  };
}

/** A quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
