import type { Db } from "../../db/client.js";
import { onConnectionsCommitted } from "../../db/connection-changes.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { RefreshingCache } from "./refreshing-cache.js";

/** A connection as data reads see it: its row (status, snapshot pointers, attempt headers) and further entities. */
export interface CachedConnection {
  connection: ConnectionRow;
  /** A multi-entity connection's further entities (empty for nearly every connection). */
  entities: ConnectionRow[];
}

/**
 * Connection states by connection id (see RefreshingCache for the staleness bound). It is invalidated in one place:
 * after a transaction that changed a connection row commits (`db/connection-changes.ts`), so a reader can never
 * cache the state of a transaction that is still open.
 */
export class ConnectionStateCache extends RefreshingCache<CachedConnection> {
  constructor(db: Db, ttlMs: number, maxEntries = 50_000) {
    super(ttlMs, maxEntries);
    onConnectionsCommitted(db, (ids) => this.invalidate(ids));
  }

  /** Forget these connections, and the parents that list one of them as an entity. */
  invalidate(ids: readonly string[]): void {
    const changed = new Set(ids);
    this.invalidateWhere((id, state) => changed.has(id) || state.entities.some((e) => changed.has(e.id)));
  }
}
