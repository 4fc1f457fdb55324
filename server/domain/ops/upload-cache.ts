/**
 * What an open upload's file was parsed into, and what its mapping made of it, kept in this process so that the
 * steps between an upload and its publish (create, every view, a mapping change, publish) parse the file once and
 * analyse it once per mapping, instead of once per request. An analysis also depends on the connection's current
 * data (the diff, the wrong-employer check): it is reused only while that data is the same snapshot, so a publish
 * of another file in between makes the next view analyse again, as before.
 *
 * Per process and bounded (rows and idle time): a miss (another API process, a restart, an evicted entry) parses and
 * analyses again, which gives the same answer. The file is not kept, only what was read from it, and never longer
 * than the idle time.
 */
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import type { CacheKind } from "../caches/own-caches.js";
import type { Clock } from "../clock.js";
import type { Result } from "../errors.js";
import { type Mapping, type ParsedTable, parseUpload } from "../ingestion/index.js";
import type { UploadAnalysis } from "./upload-analysis.js";

/** Rows kept in all, over every cached upload (a 100,000-row census is about 90 MB parsed and mapped). */
const MAX_ROWS = 150_000;
/** An upload nobody looked at for this long is dropped. */
const IDLE_MS = 30 * 60 * 1000;

/** One upload's cached work. */
interface Entry {
  table: ParsedTable;
  analysis: { mappingKey: string; basisKey: string; value: UploadAnalysis } | null;
  usedAt: number;
}

/** The counts a test or an operator can read: how often files were parsed and analysed. */
export interface UploadWorkCounts {
  /** Files parsed (a cache miss or a new upload). */
  parses: number;
  /** Map → validate → diff runs. */
  analyses: number;
}

/** JSON with object keys sorted, so a mapping read back from a jsonb column (keys reordered) has the same key. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}

/** What an analysis was compared with: the connection's current snapshots (and its name when it has no census yet). */
function basisOf(connection: Pick<ConnectionRow, "orgSnapshotId" | "paySnapshotId" | "customerName">): string {
  return connection.orgSnapshotId
    ? `${connection.orgSnapshotId}|${connection.paySnapshotId ?? ""}`
    : `|${connection.paySnapshotId ?? ""}|${connection.customerName}`;
}

/** Parsed files and analyses of open uploads, by upload id (see the file comment). */
export class UploadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly counts: UploadWorkCounts = { parses: 0, analyses: 0 };
  private readonly maxRows: number;

  constructor(maxRows = MAX_ROWS) {
    this.maxRows = maxRows;
  }

  /** How many parses and analyses this process has done. */
  work(): UploadWorkCounts {
    return { ...this.counts };
  }

  /** Parse a new upload's bytes (it has no id yet, or it is not cached); the table is kept under `uploadId`. */
  async parse(clock: Clock, uploadId: string, bytes: Uint8Array, fileName: string): Promise<Result<ParsedTable>> {
    this.counts.parses++;
    const parsed = await parseUpload(bytes, fileName);
    if (parsed.ok) this.keep(clock, uploadId, { table: parsed.value, analysis: null, usedAt: clock.now().getTime() });
    return parsed;
  }

  /** The upload's parsed file: the cached table, or its bytes (opened only on a miss) parsed now. */
  async table(clock: Clock, uploadId: string, fileName: string, open: () => Result<Uint8Array>): Promise<Result<ParsedTable>> {
    const entry = this.use(clock, uploadId);
    if (entry) return { ok: true, value: entry.table };
    const bytes = open();
    if (!bytes.ok) return bytes;
    return this.parse(clock, uploadId, bytes.value, fileName);
  }

  /**
   * The analysis of the upload's table with `mapping` against the connection's current data: the cached one when
   * both are the same as last time (for a final upload, only the mapping must be: its report and diff are stored, the
   * analysis only gives the preview), else `analyze()` now, kept in place of the last one.
   */
  async analysis(
    clock: Clock,
    uploadId: string,
    mapping: Mapping,
    connection: Pick<ConnectionRow, "orgSnapshotId" | "paySnapshotId" | "customerName">,
    analyze: () => Promise<UploadAnalysis>,
    opts: { anyBasis?: boolean } = {},
  ): Promise<UploadAnalysis> {
    const mappingKey = canonicalJson(mapping);
    const basisKey = basisOf(connection);
    const entry = this.use(clock, uploadId);
    const cached = entry?.analysis;
    if (cached && cached.mappingKey === mappingKey && (opts.anyBasis || cached.basisKey === basisKey)) return cached.value;
    this.counts.analyses++;
    const value = await analyze();
    if (entry) entry.analysis = { mappingKey, basisKey, value };
    return value;
  }

  /** Drop an upload's cached work (it was discarded: nobody needs it again). */
  forget(uploadId: string): void {
    this.entries.delete(uploadId);
  }

  /** The entry, marked as just used (moved to the end of the eviction order); idle ones are dropped first. */
  private use(clock: Clock, uploadId: string): Entry | undefined {
    const now = clock.now().getTime();
    this.dropIdle(now);
    const entry = this.entries.get(uploadId);
    if (!entry) return undefined;
    this.entries.delete(uploadId);
    entry.usedAt = now;
    this.entries.set(uploadId, entry);
    return entry;
  }

  /** Keep an entry, dropping the least recently used ones beyond the row bound (a file above it is not kept). */
  private keep(clock: Clock, uploadId: string, entry: Entry): void {
    this.entries.delete(uploadId);
    this.dropIdle(clock.now().getTime());
    if (entry.table.rows.length > this.maxRows) return;
    let rows = entry.table.rows.length;
    for (const e of this.entries.values()) rows += e.table.rows.length;
    for (const [id, e] of this.entries) {
      if (rows <= this.maxRows) break;
      this.entries.delete(id);
      rows -= e.table.rows.length;
    }
    this.entries.set(uploadId, entry);
  }

  private dropIdle(now: number): void {
    for (const [id, e] of this.entries) if (now - e.usedAt > IDLE_MS) this.entries.delete(id);
  }
}

/** The process's upload work cache: `deps.own.of(UPLOAD_WORK)`. */
export const UPLOAD_WORK: CacheKind<UploadCache> = { name: "upload work", create: () => new UploadCache() };
