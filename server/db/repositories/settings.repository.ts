import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { settings } from "../schema/index.js";

/** Read a setting. */
export async function getSetting(db: Db, key: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

/** Create or replace a setting. */
export async function putSetting(db: Db, key: string, value: Record<string, unknown>, at: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
}
