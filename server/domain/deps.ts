import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { ConnectionStateCache } from "./caches/connection-state-cache.js";
import type { OwnCaches } from "./caches/own-caches.js";
import type { SnapshotReader } from "./caches/snapshot-reader.js";
import type { SnapshotRowCache } from "./caches/snapshot-rows.js";
import type { TokenCache } from "./caches/token-cache.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Clock } from "./clock.js";
import type { Metrics } from "./metrics/metrics.js";
import type { Cipher } from "./security/encryption.js";

/** Structured logger (pino-compatible subset). */
export interface Log {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Enqueue background work (pg-boss in production; the domain never imports it). */
export interface JobQueue {
  send(name: string, data: Record<string, unknown>): Promise<void>;
}

/** What every domain function receives: no container, no request, just these. */
export interface Deps {
  /** Database (or a transaction handle). */
  db: Db;
  /** Time source for every rule. */
  clock: Clock;
  /** Developer log. */
  log: Log;
  /** Runtime configuration. */
  config: Config;
  /** Encryption and signing with the secrets key. */
  cipher: Cipher;
  /** Provider catalog. */
  catalog: Catalog;
  /** Cached reads of immutable snapshot records. */
  reader: SnapshotReader;
  /** Snapshot rows and the answers reused from them (Finch-Data-Retrieved, ETags); immutable, bounded. */
  snapshotRows: SnapshotRowCache;
  /** Background jobs. */
  jobs: JobQueue;
  /** Recent token identities (see refreshing-cache.ts for the staleness bound). */
  tokens: TokenCache;
  /** Recent connection states, dropped after a transaction that changed the row commits (connection-state-cache.ts). */
  connectionState: ConnectionStateCache;
  /** Caches a capability keeps for itself, e.g. open uploads' parsed files (ops/upload-cache.ts `UPLOAD_WORK`). */
  own: OwnCaches;
  /** Prometheus series; absent when `/metrics` is off (LINNET_METRICS_TOKEN unset), and then nothing is measured. */
  metrics?: Metrics;
}
