/** The first step of intake: a delivered file is stored durably (sealed) before anyone is told it arrived. */
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { insertIntakeFile, listIntakeFiles } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";

/** The pg-boss queue that processes delivered files. */
export const INTAKE_PROCESS_QUEUE = "intake.process";

/** Additional authenticated data binding a file's sealed bytes to its row. */
export const fileAad = (id: string) => `intake_file:${id}`;

/** A stored delivery. */
export interface ReceivedFile {
  id: string;
  sha256: string;
  size_bytes: number;
}

const CHANNEL_WORDS = { sftp: "by SFTP", api: "by the files API", pull: "from the pull source" } as const;

/** Refuse names that are not a plain file name (the SFTP layer already confines paths; the files API may not). */
function cleanName(name: string): string | null {
  const base = name.trim();
  if (!base || base.length > 255 || base === "." || base === ".." || /[/\\\0]/.test(base)) return null;
  return base;
}

/**
 * Store a delivered report for a connection: sealed with the secrets key, with its SHA-256, in one transaction with
 * an activity entry; then queue its processing. Only after this returns may a sender be told the file landed.
 */
export async function receiveFile(
  deps: Pick<Deps, "db" | "clock" | "cipher" | "jobs" | "config" | "log">,
  connectionId: string,
  input: {
    channel: "sftp" | "api" | "pull";
    fileName: string;
    bytes: Buffer;
    /** Runs inside the storing transaction; false rolls the file back (a pull source's exactly-once marker). */
    claim?: (tx: Db, file: { id: string; sha256: string }) => Promise<boolean>;
  },
): Promise<Result<ReceivedFile>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  const fileName = cleanName(input.fileName);
  if (!fileName) return fail("invalid_request", "file_name: must be a plain file name");
  if (input.bytes.length === 0) return fail("invalid_request", "file: the file is empty");
  if (input.bytes.length > deps.config.uploadMaxBytes)
    return fail("invalid_request", `file: larger than ${deps.config.uploadMaxBytes / 1024 / 1024} MB`);
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const now = deps.clock.now();
  const stored = await transactional(deps.db, async (tx) => {
    if (input.claim && !(await input.claim(tx, { id, sha256 })))
      return fail("confirmation_required", "file: already taken by another poll");
    await insertIntakeFile(tx, {
      id,
      connectionId,
      channel: input.channel,
      fileName,
      sizeBytes: input.bytes.length,
      sha256,
      contentSealed: deps.cipher.encrypt(input.bytes.toString("base64"), fileAad(id)),
      status: "received",
      group: null,
      verdict: null,
      report: null,
      diff: null,
      snapshotId: null,
      reviewTaskId: null,
      decidedBy: null,
      decisionReason: null,
      receivedAt: now,
      processedAt: null,
    });
    await insertActivity(tx, {
      connectionId,
      actor: `intake:${input.channel}`,
      kind: "intake_file_received",
      fromStatus: null,
      toStatus: null,
      message: `Received ${fileName} (${input.bytes.length} bytes) ${CHANNEL_WORDS[input.channel]}`,
      at: now,
    });
    return ok(true);
  });
  if (!stored.ok) return stored;
  // a lost send is not a lost file: the sweep queues every file still received
  await deps.jobs
    .send(INTAKE_PROCESS_QUEUE, { fileId: id })
    .catch((err) => deps.log.warn({ err, fileId: id }, "could not queue an intake file"));
  return ok({ id, sha256, size_bytes: input.bytes.length });
}

/** What an inbox has sent, newest first (an SFTP listing shows these and nothing else). */
export async function sentFiles(deps: Pick<Deps, "db">, connectionId: string): Promise<{ name: string; size: number; receivedAt: Date }[]> {
  const rows = await listIntakeFiles(deps.db, { connectionId, limit: 500 });
  const seen = new Set<string>();
  const out: { name: string; size: number; receivedAt: Date }[] = [];
  for (const r of rows) {
    if (seen.has(r.fileName)) continue; // a fixed report name delivered weekly: list the latest
    seen.add(r.fileName);
    out.push({ name: r.fileName, size: r.sizeBytes, receivedAt: r.receivedAt });
  }
  return out;
}
