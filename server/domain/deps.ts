import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Clock } from "./clock.js";
import type { TokenCache } from "./connections/token-cache.js";
import type { SnapshotReader } from "./employer/snapshot-reader.js";
import type { Metrics } from "./metrics/metrics.js";
import type { UploadCache } from "./ops/upload-cache.js";
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
  /** Background jobs. */
  jobs: JobQueue;
  /** Recent token lookups (see token-cache.ts for the staleness bound). */
  tokens: TokenCache;
  /** Open uploads' parsed files and analyses, so each is parsed once and analysed once per mapping (upload-cache.ts). */
  uploads: UploadCache;
  /** Prometheus series; absent when `/metrics` is off (LINNET_METRICS_TOKEN unset), and then nothing is measured. */
  metrics?: Metrics;
}
