/**
 * The employer's side of the SFTP inbox, behind the status page's signed link: the provider's steps to schedule the
 * reports, and creating credentials or adding a public key. Offered only for live assisted connections whose provider
 * documents scheduled SFTP delivery.
 */
import type { ReportCredentials, ReportSetup } from "../../../contracts/linnet/report-setup.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findInbox } from "../../db/repositories/intake.repository.js";
import { connectionForStatusToken } from "../connections/status-link.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { addInboxKey, parsePublicKey, resetInboxPassword } from "./inboxes.js";
import { getSource } from "./intake-view.js";

/** The folder an inbox sees (its only one). */
const FOLDER = "/";

const canSchedule = (deps: Pick<Deps, "catalog">, c: ConnectionRow) => {
  const provider = deps.catalog.get(c.providerId);
  return provider?.kind === "assisted" && provider.scheduled_reports?.sftp === true && c.status !== "disconnected";
};

async function present(deps: Pick<Deps, "db" | "catalog" | "config" | "clock">, c: ConnectionRow): Promise<ReportSetup> {
  const provider = deps.catalog.get(c.providerId);
  const reports = provider?.kind === "assisted" && c.status !== "disconnected" ? provider.scheduled_reports : undefined;
  const inbox = await findInbox(deps.db, c.id);
  const source = inbox ? await getSource(deps, c.id) : null;
  const host = new URL(deps.config.publicUrl).hostname;
  const port = deps.config.intake.sftpPort;
  const fill = (step: string) =>
    step
      .replaceAll("{{host}}", host)
      .replaceAll("{{port}}", port ? String(port) : "(the port your operator gives you)")
      .replaceAll("{{username}}", inbox?.username ?? "(created below)")
      .replaceAll("{{folder}}", FOLDER);
  return {
    available: canSchedule(deps, c),
    provider_name: provider?.display_name ?? c.providerId,
    set_up_by: reports?.set_up_by ?? null,
    lead_time: reports?.lead_time ?? null,
    steps: (reports?.steps ?? []).map(fill),
    inbox:
      inbox && canSchedule(deps, c)
        ? {
            host,
            port,
            username: inbox.username,
            folder: FOLDER,
            has_password: inbox.passwordHash !== null,
            public_keys: inbox.publicKeys
              .map((l) => parsePublicKey(l))
              .flatMap((p) => (p.ok ? [{ type: p.value.type, fingerprint: p.value.fingerprint }] : [])),
            last_file_at: source?.ok ? source.value.last_file_at : null,
          }
        : null,
  };
}

/** The setup section for a status token. */
export async function reportSetup(deps: Deps, token: string): Promise<Result<ReportSetup>> {
  const found = await connectionForStatusToken(deps, token);
  return found.ok ? ok(await present(deps, found.value)) : found;
}

/** Create the inbox or set a new password; the password is answered this once. */
export async function createReportCredentials(deps: Deps, token: string): Promise<Result<ReportCredentials>> {
  const found = await connectionForStatusToken(deps, token);
  if (!found.ok) return found;
  if (!canSchedule(deps, found.value)) return fail("invalid_request", "This connection cannot receive scheduled reports.");
  const created = await resetInboxPassword(deps, "employer", found.value.id);
  if (!created.ok) return created;
  return ok({ setup: await present(deps, found.value), password: created.value.password ?? "" });
}

/** Add the public key the provider gave the employer. */
export async function addReportKey(deps: Deps, token: string, line: string): Promise<Result<ReportSetup>> {
  const found = await connectionForStatusToken(deps, token);
  if (!found.ok) return found;
  if (!canSchedule(deps, found.value)) return fail("invalid_request", "This connection cannot receive scheduled reports.");
  const added = await addInboxKey(deps, "employer", found.value.id, line);
  return added.ok ? ok(await present(deps, found.value)) : added;
}
