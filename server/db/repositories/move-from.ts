import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "../client.js";

/**
 * The conditional update behind every state machine's move: `UPDATE table SET patch WHERE id = $id AND status = $from`.
 * True when the row was still in `from` and moved; false when another move came first (the caller lost the race).
 */
export async function moveFrom<T extends PgTable>(
  db: Db,
  table: T,
  columns: { id: PgColumn; status: PgColumn },
  id: string,
  from: string,
  patch: PgUpdateSetSource<T>,
): Promise<boolean> {
  const rows = await db
    .update(table)
    .set(patch)
    .where(and(eq(columns.id, id), eq(columns.status, from)))
    .returning({ id: columns.id });
  return rows.length === 1;
}
