import { z } from "zod";

/**
 * The employer status page's scheduled-report setup (`GET /connect/api/status/:token/report-setup`): whether the
 * provider can send scheduled reports by SFTP, the steps, and the inbox (never its password).
 */
export const ReportSetupSchema = z.object({
  /** The provider documents scheduled SFTP delivery and the connection is live: the page offers the inbox. */
  available: z.boolean(),
  provider_name: z.string(),
  /** Who does the setup on the provider's side. */
  set_up_by: z.string().nullable(),
  lead_time: z.string().nullable(),
  /** Provider-specific steps with the inbox's details filled in (empty when the provider has none). */
  steps: z.array(z.string()),
  inbox: z
    .object({
      host: z.string(),
      port: z.number().nullable(),
      username: z.string(),
      folder: z.string(),
      has_password: z.boolean(),
      public_keys: z.array(z.object({ type: z.string(), fingerprint: z.string() })),
      last_file_at: z.string().nullable(),
    })
    .nullable(),
});
/** The setup section's data. */
export type ReportSetup = z.infer<typeof ReportSetupSchema>;

/** Answer of creating credentials: the setup plus the password, shown this once. */
export const ReportCredentialsSchema = z.object({ setup: ReportSetupSchema, password: z.string() });
/** Credentials shown once. */
export type ReportCredentials = z.infer<typeof ReportCredentialsSchema>;
