import { randomBytes } from "node:crypto";
import pg from "pg";

/** A throwaway database on a PostgreSQL server. */
export interface BenchDatabase {
  name: string;
  /** Connection string of the new database. */
  url: string;
  /** Drop it (forcing out any connection left behind). */
  drop(): Promise<void>;
}

/** Run one statement on the server's maintenance connection. */
async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Null when the server answers, else why it does not. */
export async function unreachableReason(serverUrl: string): Promise<string | null> {
  try {
    await adminQuery(serverUrl, "SELECT 1");
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  }
}

/** Create `linnet_bench_<random>` on the server at `serverUrl`. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `linnet_bench_${randomBytes(5).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
