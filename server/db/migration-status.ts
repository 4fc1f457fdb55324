import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { MIGRATIONS_DIR } from "./client.js";

let newestShipped: number | undefined;

/** The `when` of the newest migration this code ships (drizzle-kit's journal), read once. */
function newestShippedMigration(): number {
  if (newestShipped === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
      entries: { when: number }[];
    };
    newestShipped = Math.max(...journal.entries.map((e) => e.when));
  }
  return newestShipped;
}

/**
 * Whether the database has every migration this code ships: drizzle's migrator records each applied migration's
 * journal time in `drizzle.__drizzle_migrations.created_at`. Throws when the database cannot be reached.
 */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const result = await db.execute(sql`select coalesce(max(created_at), 0)::bigint as newest from drizzle.__drizzle_migrations`);
  const newest = Number((result as unknown as { rows: { newest: string | number }[] }).rows[0]?.newest ?? 0);
  return newest >= newestShippedMigration();
}
