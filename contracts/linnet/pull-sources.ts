import { z } from "zod";

/** Create or replace a connection's pull source (a remote SFTP server Linnet polls for scheduled reports). */
export const PullSourceInputSchema = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(22),
    username: z.string().min(1).max(100),
    /** Required on create unless `private_key` is given; omitted on update keeps the stored one. */
    password: z.string().min(1).max(1_000).optional(),
    private_key: z.string().min(1).max(16_384).optional(),
    passphrase: z.string().max(1_000).optional(),
    folder: z.string().min(1).max(500).default("/"),
    pattern: z.string().min(1).max(200).default("*"),
    poll_minutes: z.number().int().min(5).max(1_440).default(60),
    /** Days between expected files (null: the refresh cadence). */
    cadence_days: z.number().int().min(1).max(93).nullable().default(null),
    /** Forget the pinned host key (after the provider announced a new one); the next poll pins the new key. */
    reset_host_key: z.boolean().default(false),
  })
  .strict();

/** A pull source as the console shows it: never its password or key. */
export const PullSourceSchema = z.object({
  connection_id: z.string(),
  host: z.string(),
  port: z.number(),
  username: z.string(),
  auth: z.enum(["password", "private_key"]),
  folder: z.string(),
  pattern: z.string(),
  poll_minutes: z.number(),
  cadence_days: z.number(),
  host_key_fingerprint: z.string().nullable(),
  last_polled_at: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** The answer to "test this pull source": it logs in and lists, taking nothing. */
export const PullSourceTestSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  host_key_fingerprint: z.string().nullable(),
  matching_files: z.array(z.object({ name: z.string(), size_bytes: z.number() })),
});

/** Types of the above. */
export type PullSourceInput = z.input<typeof PullSourceInputSchema>;
export type PullSource = z.infer<typeof PullSourceSchema>;
export type PullSourceTest = z.infer<typeof PullSourceTestSchema>;
