import { z } from "zod";

/** One line of the quality gate's verdict on a delivered file. */
export const VerdictLineSchema = z.object({
  check: z.string(),
  ok: z.boolean(),
  message: z.string(),
  /** The threshold in words; absent on lines that are not measured (a duplicate, a paused file). */
  limit: z.string().optional(),
  /** What the file measured against the threshold. */
  measured: z.string().optional(),
});

/** A delivered file as the console lists it. */
export const IntakeFileSchema = z.object({
  id: z.string(),
  connection_id: z.string(),
  customer_name: z.string().nullable(),
  channel: z.enum(["sftp", "api", "pull"]),
  file_name: z.string(),
  size_bytes: z.number(),
  sha256: z.string(),
  status: z.enum(["received", "published", "held", "rejected", "duplicate"]),
  group: z.enum(["org", "pay"]).nullable(),
  verdict: z.array(VerdictLineSchema),
  snapshot_id: z.string().nullable(),
  review_task_id: z.string().nullable(),
  decided_by: z.string().nullable(),
  decision_reason: z.string().nullable(),
  received_at: z.string(),
  processed_at: z.string().nullable(),
});

/** A file with its validation report and diff (the review screen). */
export const IntakeFileDetailSchema = IntakeFileSchema.extend({
  report: z.record(z.string(), z.unknown()).nullable(),
  diff: z.record(z.string(), z.unknown()).nullable(),
});

/** What a connection's source looks like: inbox, recipes, last and next file. */
export const IntakeSourceSchema = z.object({
  connection_id: z.string(),
  inbox: z
    .object({
      username: z.string(),
      has_password: z.boolean(),
      public_keys: z.array(z.object({ type: z.string(), fingerprint: z.string() })),
      cadence_days: z.number(),
      host: z.string(),
      port: z.number().nullable(),
    })
    .nullable(),
  recipes: z.array(
    z.object({ group: z.enum(["org", "pay"]), name: z.string(), columns: z.record(z.string(), z.string()), updated_at: z.string() }),
  ),
  last_file_at: z.string().nullable(),
  next_expected_at: z.string().nullable(),
  late: z.boolean(),
  automatic_since: z.string().nullable(),
});

/** Credentials shown once, when the inbox is opened or its password reset. */
export const InboxCredentialsSchema = z.object({
  username: z.string(),
  password: z.string(),
  host: z.string(),
  port: z.number().nullable(),
});

/** Change an inbox's public keys or expected cadence. */
export const UpdateInboxSchema = z
  .object({
    public_keys: z.array(z.string().min(1).max(16_384)).max(10).optional(),
    cadence_days: z.number().int().min(1).max(93).nullable().optional(),
  })
  .strict();

/** An operator's decision on a held file. */
export const FileDecisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("publish"), reason: z.string().trim().min(3).max(500) }),
  z.object({ action: z.literal("reject"), reason: z.string().trim().min(3).max(500) }),
  z.object({ action: z.literal("rerun") }),
]);

/** The answer to a file delivered through the files API. */
export const FileReceivedSchema = z.object({ id: z.string(), sha256: z.string(), size_bytes: z.number(), status: z.string() });

/** One connection's source in the Intake view: the source plus who it is. */
export const IntakeSourceSummarySchema = IntakeSourceSchema.extend({
  customer_name: z.string().nullable(),
  provider_name: z.string(),
  connection_status: z.string(),
});

/** Answer of `GET /ops/api/intake/sources`: every connection with an inbox, and file counts by status. */
export const IntakeSourceListSchema = z.object({
  sources: z.array(IntakeSourceSummarySchema),
  counts: z.object({ received: z.number(), published: z.number(), held: z.number(), rejected: z.number(), duplicate: z.number() }),
});

/** Body of adding one public key to an inbox (opened without a password when it does not exist yet). */
export const AddPublicKeySchema = z.object({ public_key: z.string().trim().min(1).max(16_384) }).strict();
