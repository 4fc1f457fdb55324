/** The console's views of intake: delivered files and each connection's source health. */
import type { z } from "zod";
import type { IntakeFileDetailSchema, IntakeFileSchema, IntakeSourceSchema } from "../../../contracts/linnet/intake.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { findInbox, findIntakeFile, type IntakeFileRow, listIntakeFiles, recipesOf } from "../../db/repositories/intake.repository.js";
import { addDays } from "../clock.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import type { IntakeFileStatus } from "./file-machine.js";
import { parsePublicKey } from "./inboxes.js";

type FileView = z.infer<typeof IntakeFileSchema>;

function present(f: Omit<IntakeFileRow, "contentSealed">, customerName: string | null): FileView {
  return {
    id: f.id,
    connection_id: f.connectionId,
    customer_name: customerName,
    channel: f.channel as FileView["channel"],
    file_name: f.fileName,
    size_bytes: f.sizeBytes,
    sha256: f.sha256,
    status: f.status,
    group: f.group,
    verdict: f.verdict ?? [],
    snapshot_id: f.snapshotId,
    review_task_id: f.reviewTaskId,
    decided_by: f.decidedBy,
    decision_reason: f.decisionReason,
    received_at: f.receivedAt.toISOString(),
    processed_at: f.processedAt?.toISOString() ?? null,
  };
}

/** Delivered files, newest first. */
export async function listFiles(
  deps: Pick<Deps, "db">,
  filter: { connectionId?: string; status?: IntakeFileStatus; limit: number },
): Promise<FileView[]> {
  const rows = await listIntakeFiles(deps.db, filter);
  const names = new Map<string, string | null>();
  for (const r of rows)
    if (!names.has(r.connectionId)) names.set(r.connectionId, (await findConnection(deps.db, r.connectionId))?.customerName ?? null);
  return rows.map((r) => present(r, names.get(r.connectionId) ?? null));
}

/** One file with its report and diff. */
export async function getFile(deps: Pick<Deps, "db">, id: string): Promise<Result<z.infer<typeof IntakeFileDetailSchema>>> {
  const file = isUuid(id) ? await findIntakeFile(deps.db, id) : undefined;
  if (!file) return fail("not_found", "File not found");
  const connection = await findConnection(deps.db, file.connectionId);
  return ok({ ...present(file, connection?.customerName ?? null), report: file.report ?? null, diff: file.diff ?? null });
}

/** Days between expected files of a connection: its own, or the refresh cadence. */
export function cadenceOf(deps: Pick<Deps, "config">, cadenceDays: number | null | undefined): number {
  return cadenceDays ?? deps.config.sla.refreshDays;
}

/** A connection's source: inbox, recipes, last file, next expected, late or not. */
export async function getSource(
  deps: Pick<Deps, "db" | "clock" | "config">,
  connectionId: string,
): Promise<Result<z.infer<typeof IntakeSourceSchema>>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  const inbox = await findInbox(deps.db, connectionId);
  const recipes = await recipesOf(deps.db, connectionId);
  const files = await listIntakeFiles(deps.db, { connectionId, limit: 200 });
  const last = files[0]?.receivedAt ?? null;
  const published = files.filter((f) => f.status === "published" && f.decidedBy === null);
  const cadence = cadenceOf(deps, inbox?.cadenceDays);
  const next = inbox ? addDays(last ?? inbox.createdAt, cadence) : null;
  const host = new URL(deps.config.publicUrl).hostname;
  return ok({
    connection_id: connectionId,
    inbox: inbox
      ? {
          username: inbox.username,
          has_password: inbox.passwordHash !== null,
          public_keys: inbox.publicKeys
            .map((l) => parsePublicKey(l))
            .flatMap((p) => (p.ok ? [{ type: p.value.type, fingerprint: p.value.fingerprint }] : [])),
          cadence_days: cadence,
          host,
          port: deps.config.intake.sftpPort,
        }
      : null,
    recipes: recipes.map((r) => ({
      group: r.group,
      name: r.name,
      columns: Object.fromEntries(
        Object.entries((r.mapping as { columns?: Record<string, string> }).columns ?? {}).filter(([, v]) => typeof v === "string"),
      ),
      updated_at: r.updatedAt.toISOString(),
    })),
    last_file_at: last?.toISOString() ?? null,
    next_expected_at: next?.toISOString() ?? null,
    late: next !== null && deps.clock.now().getTime() > addDays(next, deps.config.intake.graceDays).getTime(),
    automatic_since: published.at(-1)?.receivedAt.toISOString() ?? null,
  });
}
