import type { z } from "zod";
import type {
  InboxCredentialsSchema,
  IntakeFileDetailSchema,
  IntakeFileSchema,
  IntakeSourceListSchema,
  IntakeSourceSchema,
} from "../../../contracts/linnet/intake.js";
import { consoleFetch, queryString } from "../../console/console-fetch.js";

/** The Intake view's calls to `/ops/api/intake/*` and a connection's inbox. */

/** A delivered file as listed. */
export type IntakeFile = z.infer<typeof IntakeFileSchema>;
/** A file with its report and diff. */
export type IntakeFileDetail = z.infer<typeof IntakeFileDetailSchema>;
/** Every source and the file counts. */
export type IntakeSourceList = z.infer<typeof IntakeSourceListSchema>;
/** One connection's source. */
export type IntakeSource = z.infer<typeof IntakeSourceSchema>;
/** Credentials shown once. */
export type InboxCredentials = z.infer<typeof InboxCredentialsSchema>;
/** A file's status. */
export type FileStatus = IntakeFile["status"];

/** Files, newest first, optionally of one status. */
export const listIntakeFiles = (status: string) =>
  consoleFetch<{ files: IntakeFile[] }>(`/ops/api/intake/files${queryString({ status: status || undefined, limit: 100 })}`);
/** Every connection's source, late first. */
export const listIntakeSources = () => consoleFetch<IntakeSourceList>("/ops/api/intake/sources");
/** One file with the gate's verdict. */
export const getIntakeFile = (id: string) => consoleFetch<IntakeFileDetail>(`/ops/api/intake/files/${encodeURIComponent(id)}`);
/** Publish anyway, reject (both with a reason) or re-run a held file. */
export const decideIntakeFile = (id: string, decision: { action: "publish" | "reject"; reason: string } | { action: "rerun" }) =>
  consoleFetch<{ status: string }>(`/ops/api/intake/files/${encodeURIComponent(id)}/decision`, { json: decision });

const inboxPath = (connectionId: string) => `/ops/api/connections/${encodeURIComponent(connectionId)}`;
/** A connection's source. */
export const getIntakeSource = (connectionId: string) => consoleFetch<IntakeSource>(`${inboxPath(connectionId)}/intake`);
/** Open the inbox or set a new password (answered once). */
export const resetInboxPassword = (connectionId: string) =>
  consoleFetch<InboxCredentials>(`${inboxPath(connectionId)}/inbox/password`, { method: "POST" });
/** Add one public key. */
export const addInboxKey = (connectionId: string, publicKey: string) =>
  consoleFetch<IntakeSource>(`${inboxPath(connectionId)}/inbox/keys`, { json: { public_key: publicKey } });

/** A file status in words. */
export const FILE_STATUS_WORDS: Record<FileStatus, string> = {
  received: "Processing",
  published: "Published",
  held: "Held for review",
  rejected: "Rejected",
  duplicate: "Duplicate",
};

/** A gate check's name in words. */
export const CHECK_WORDS: Record<string, string> = {
  validation: "Validation",
  employer_identity: "Employer identity",
  unknown_columns: "Unknown columns",
  headcount: "Headcount change",
  terminations: "Terminations",
  new_hires: "New hires",
  stable_fields: "Stable fields (birth date, SSN, names)",
  pay_dates: "Pay dates",
  payment_totals: "Payment totals",
  paused: "Waiting for an earlier file",
  same_bytes: "Same bytes as an earlier file",
  operator: "Operator decision",
  publish: "Publish",
  connection: "Connection",
};

/** A report kind in words. */
export const groupWords = (group: "org" | "pay" | null) => (group === "org" ? "Census" : group === "pay" ? "Payroll" : "Not recognised");
