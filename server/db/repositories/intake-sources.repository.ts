import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { intakeFiles, intakeLateEpisodes, intakePulledFiles, intakePullSources } from "../schema/index.js";

/** A pull source row (its credentials sealed). */
export type PullSourceRow = typeof intakePullSources.$inferSelect;
/** A remote file already taken. */
export type PulledFileRow = typeof intakePulledFiles.$inferSelect;
/** A lateness episode. */
export type LateEpisodeRow = typeof intakeLateEpisodes.$inferSelect;

/** The pull source of a connection. */
export async function findPullSource(db: Db, connectionId: string): Promise<PullSourceRow | undefined> {
  const [row] = await db.select().from(intakePullSources).where(eq(intakePullSources.connectionId, connectionId)).limit(1);
  return row;
}

/** Every pull source (the poll scheduler and the lateness check). */
export async function listPullSources(db: Db): Promise<PullSourceRow[]> {
  return db.select().from(intakePullSources);
}

/** Create or replace a pull source. */
export async function upsertPullSource(db: Db, row: PullSourceRow): Promise<void> {
  const { connectionId: _id, createdAt: _c, ...patch } = row;
  await db.insert(intakePullSources).values(row).onConflictDoUpdate({ target: intakePullSources.connectionId, set: patch });
}

/** Change a pull source's poll bookkeeping or pinned key. */
export async function updatePullSource(db: Db, connectionId: string, patch: Partial<Omit<PullSourceRow, "connectionId">>): Promise<void> {
  await db.update(intakePullSources).set(patch).where(eq(intakePullSources.connectionId, connectionId));
}

/** Remove a pull source (the files it delivered stay). */
export async function deletePullSource(db: Db, connectionId: string): Promise<boolean> {
  const rows = await db
    .delete(intakePullSources)
    .where(eq(intakePullSources.connectionId, connectionId))
    .returning({ id: intakePullSources.connectionId });
  return rows.length > 0;
}

/**
 * Take the source for one poll until `until`, if no other poll holds it (a lease, not a lock held across the
 * network: a crashed poll frees the source when its lease ends). Returns the row when taken.
 */
export async function claimPullSource(db: Db, connectionId: string, now: Date, until: Date): Promise<PullSourceRow | undefined> {
  const [row] = await db
    .update(intakePullSources)
    .set({ pollingUntil: until })
    .where(
      and(
        eq(intakePullSources.connectionId, connectionId),
        or(isNull(intakePullSources.pollingUntil), lt(intakePullSources.pollingUntil, now)),
      ),
    )
    .returning();
  return row;
}

/** Remote files of a connection already taken, keyed `name|size|mtime`. */
export async function pulledKeys(db: Db, connectionId: string): Promise<Set<string>> {
  const rows = await db
    .select({ n: intakePulledFiles.remoteName, s: intakePulledFiles.sizeBytes, m: intakePulledFiles.mtime })
    .from(intakePulledFiles)
    .where(eq(intakePulledFiles.connectionId, connectionId));
  return new Set(rows.map((r) => pulledKey(r.n, r.s, r.m)));
}

/** The identity of a remote file before it is downloaded. */
export const pulledKey = (name: string, size: number, mtime: number) => `${name}|${size}|${mtime}`;

/** Whether a remote file with these bytes was taken before. */
export async function pulledSameBytes(db: Db, connectionId: string, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ n: intakePulledFiles.remoteName })
    .from(intakePulledFiles)
    .where(and(eq(intakePulledFiles.connectionId, connectionId), eq(intakePulledFiles.sha256, sha256)))
    .limit(1);
  return row !== undefined;
}

/** Record a remote file as taken; false when another poll recorded it first (the unique key decides). */
export async function insertPulledFile(db: Db, row: PulledFileRow): Promise<boolean> {
  const rows = await db.insert(intakePulledFiles).values(row).onConflictDoNothing().returning({ n: intakePulledFiles.remoteName });
  return rows.length > 0;
}

/** The open lateness episodes, of one connection or all. */
export async function openLateEpisodes(db: Db, connectionId?: string): Promise<LateEpisodeRow[]> {
  const where = [isNull(intakeLateEpisodes.closedAt)];
  if (connectionId) where.push(eq(intakeLateEpisodes.connectionId, connectionId));
  return db
    .select()
    .from(intakeLateEpisodes)
    .where(and(...where))
    .orderBy(intakeLateEpisodes.openedAt);
}

/** Open an episode; false when one is already open for the connection and kind. */
export async function insertLateEpisode(db: Db, row: LateEpisodeRow): Promise<boolean> {
  const rows = await db
    .insert(intakeLateEpisodes)
    .values(row)
    .onConflictDoNothing({
      target: [intakeLateEpisodes.connectionId, intakeLateEpisodes.group],
      where: sql`${intakeLateEpisodes.closedAt} is null`,
    })
    .returning({ id: intakeLateEpisodes.id });
  return rows.length > 0;
}

/** Close the open episodes of a connection's report kind; returns them. */
export async function closeLateEpisodes(db: Db, connectionId: string, group: "org" | "pay", at: Date): Promise<LateEpisodeRow[]> {
  return db
    .update(intakeLateEpisodes)
    .set({ closedAt: at })
    .where(and(eq(intakeLateEpisodes.connectionId, connectionId), eq(intakeLateEpisodes.group, group), isNull(intakeLateEpisodes.closedAt)))
    .returning();
}

/** The latest arrival per connection and report kind (`<connection id>|<group>`), of files whose kind is known. */
export async function lastArrivalsByGroup(db: Db): Promise<Map<string, Date>> {
  const rows = await db
    .select({ connectionId: intakeFiles.connectionId, group: intakeFiles.group, last: sql<string>`max(${intakeFiles.receivedAt})` })
    .from(intakeFiles)
    .where(isNotNull(intakeFiles.group))
    .groupBy(intakeFiles.connectionId, intakeFiles.group);
  return new Map(rows.map((r) => [`${r.connectionId}|${r.group}`, new Date(r.last)]));
}
