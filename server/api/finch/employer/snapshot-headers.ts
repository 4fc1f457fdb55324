import { hash } from "node:crypto";
import type { Header } from "../../../domain/caches/snapshot-rows.js";
import type { OpenRead } from "./employer-read.js";

/** The headers of an answer from snapshot data, in the order they are sent, and whether it is a 304. */
export interface SnapshotAnswerHeaders {
  /** Shared by every answer from the snapshot for the connection: never change it. */
  headers: readonly Header[];
  /** For GET, sent after `headers`. */
  etag: string | null;
  notModified: boolean;
}

/**
 * What every answer from snapshot data carries, for the Fastify routes and the fast path alike: `Finch-Data-Retrieved`,
 * `Cache-Control`, the connection's last attempt for the product group (`Finch-Last-Attempted-Update-Date` / `-Result`:
 * a failed sync leaves the previous data served) and, for GET, a strong ETag (a snapshot never changes, so the same
 * request on the same snapshot always yields the same bytes) with `notModified` when `If-None-Match` matches it.
 * `etagKey` is the URL plus anything else the answer depends on. Made once per snapshot and connection row, and per
 * snapshot and URL for the ETag.
 */
export function snapshotAnswerHeaders(open: OpenRead, etagKey: string | null, ifNoneMatch: string | undefined): SnapshotAnswerHeaders {
  const { snapshot, ctx, memo } = open;
  const a = memo.answersOf(snapshot);
  const c = ctx.connection;
  const headers = memo.headersOf(a, c, () => {
    const list: Header[] = [
      ["finch-data-retrieved", a.retrieved],
      ["cache-control", "private, no-cache"],
    ];
    const [attemptedAt, result] =
      snapshot.group === "org" ? [c.orgAttemptedAt, c.orgAttemptResult] : [c.payAttemptedAt, c.payAttemptResult];
    if (attemptedAt && result) {
      list.push(["finch-last-attempted-update-date", attemptedAt.toISOString()], ["finch-last-attempted-update-result", result]);
    }
    return list;
  });
  if (etagKey === null) return { headers, etag: null, notModified: false };
  // the snapshot id's start and a hash of the request
  const etag = memo.etagOf(a, etagKey, () => `"${snapshot.id.slice(0, 8)}${hash("sha1", etagKey, "base64url").slice(0, 16)}"`);
  return { headers, etag, notModified: ifNoneMatch?.split(/\s*,\s*/).includes(etag) ?? false };
}
