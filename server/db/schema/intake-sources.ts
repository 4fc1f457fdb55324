import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A remote SFTP server a connection's scheduled reports are fetched from (instead of, or beside, its inbox). The
 * password or private key is sealed with the secrets key (like SSNs) and never leaves the server; the host key is
 * pinned on the first successful poll.
 */
export const intakePullSources = pgTable("intake_pull_sources", {
  connectionId: uuid("connection_id").primaryKey(),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  username: text("username").notNull(),
  /** `{password?, private_key?, passphrase?}` as JSON, sealed (AAD `intake_pull_source:<connection id>`). */
  credentialsSealed: text("credentials_sealed").notNull(),
  folder: text("folder").notNull(),
  /** A glob on file names (`*`, `?`), e.g. `census_*.csv`. */
  pattern: text("pattern").notNull(),
  /** `SHA256:…` of the server's host key, pinned on first use (null until then). */
  hostKeyFingerprint: text("host_key_fingerprint"),
  /** Minutes between polls. */
  pollMinutes: integer("poll_minutes").notNull(),
  /** Days between expected files (null: the refresh cadence). */
  cadenceDays: integer("cadence_days"),
  /** A poll holds the source until then (one poll at a time per source). */
  pollingUntil: timestamp("polling_until", { withTimezone: true }),
  lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
  /** What went wrong on the last poll (null when it worked). */
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Remote files a pull source has already taken (name + size + mtime), so each enters the pipeline exactly once. */
export const intakePulledFiles = pgTable(
  "intake_pulled_files",
  {
    connectionId: uuid("connection_id").notNull(),
    remoteName: text("remote_name").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** The remote modification time, in seconds (as SFTP reports it). */
    mtime: bigint("mtime", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** The intake file it became (null: the same bytes as a file taken before). */
    fileId: uuid("file_id"),
    pulledAt: timestamp("pulled_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("intake_pulled_files_key").on(t.connectionId, t.remoteName, t.sizeBytes, t.mtime),
    index("intake_pulled_files_sha_idx").on(t.connectionId, t.sha256),
  ],
);

/**
 * A lateness episode: a report kind of a connection not delivered within cadence + grace. Open until a file of that
 * kind arrives; at most one open per connection and kind (so a late file raises one task and one event).
 */
export const intakeLateEpisodes = pgTable(
  "intake_late_episodes",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    /** When the file was expected (last arrival + cadence). */
    expectedAt: timestamp("expected_at", { withTimezone: true }).notNull(),
    /** When the episode was detected (past expected + grace). */
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    /** The follow-up task raised in the operators' queue. */
    taskId: uuid("task_id"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("intake_late_episodes_open").on(t.connectionId, t.group).where(sql`${t.closedAt} is null`)],
);
