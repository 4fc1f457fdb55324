/** Polling a pull source: each new remote file enters the intake pipeline exactly once. */
import { createHash, randomUUID } from "node:crypto";
import path from "node:path/posix";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import {
  claimPullSource,
  insertPulledFile,
  listPullSources,
  type PullSourceRow,
  pulledKey,
  pulledKeys,
  pulledSameBytes,
  updatePullSource,
} from "../../db/repositories/intake-sources.repository.js";
import { activeTasksOf, insertTasks } from "../../db/repositories/tasks.repository.js";
import type { Deps } from "../deps.js";
import { ok } from "../errors.js";
import { transactional } from "../transactional.js";
import { nextBusinessDay } from "./file-outcomes.js";
import { remoteTarget } from "./pull-sources.js";
import { receiveFile } from "./receive-file.js";
import { globToRegExp, openRemote, type RemoteEntry, type RemoteSession } from "./remote-sftp.js";

/** The pg-boss queue of single polls. */
export const INTAKE_PULL_QUEUE = "intake.pull";

/** How long one poll may hold its source (a crashed poll frees it after this). */
const POLL_LEASE_MS = 15 * 60_000;

/** What a poll did. */
export type PollOutcome =
  | { status: "busy" | "gone" }
  | { status: "refused" | "failed"; message: string }
  | { status: "polled"; taken: string[]; skipped: number };

/**
 * Poll one source: take it for a lease (one poll at a time), log in (a changed host key is refused and raises an
 * operator task), list the folder, and hand every matching file not seen before (name + size + mtime) to
 * `receiveFile`. The marker of a taken file is written in the same transaction as the file itself, so a retried or
 * concurrent poll cannot take it twice; a file with the bytes of one taken before is marked and not sent again.
 */
export async function pollPullSource(deps: Deps, connectionId: string): Promise<PollOutcome> {
  const now = deps.clock.now();
  const source = await claimPullSource(deps.db, connectionId, now, new Date(now.getTime() + POLL_LEASE_MS));
  if (!source) return { status: "busy" };
  let outcome: PollOutcome = { status: "gone" };
  try {
    const connection = await findConnection(deps.db, connectionId);
    if (!connection || connection.status === "disconnected") return outcome;
    const opened = await openRemote(deps, remoteTarget(deps, source));
    if (!opened.ok) {
      if (opened.kind === "host_key_changed") await raiseSourceTask(deps, source, opened.message);
      deps.log.warn({ connectionId, kind: opened.kind, reason: opened.message }, "pull source refused");
      outcome = { status: opened.kind === "unreachable" ? "failed" : "refused", message: opened.message };
      return outcome;
    }
    try {
      if (!source.hostKeyFingerprint) {
        await updatePullSource(deps.db, connectionId, { hostKeyFingerprint: opened.value.fingerprint });
        await insertActivity(deps.db, {
          connectionId,
          actor: "intake:pull",
          kind: "intake_pull_source",
          fromStatus: null,
          toStatus: null,
          message: `Pinned the pull source's host key ${opened.value.fingerprint}`,
          at: now,
        });
      }
      outcome = await takeNewFiles(deps, source, opened.value);
    } finally {
      opened.value.close();
    }
    return outcome;
  } catch (err) {
    outcome = { status: "failed", message: (err as Error).message };
    deps.log.warn({ connectionId, reason: outcome.message }, "pull source poll failed");
    return outcome;
  } finally {
    const lastError = outcome.status === "refused" || outcome.status === "failed" ? outcome.message : null;
    await updatePullSource(deps.db, connectionId, { pollingUntil: null, lastPolledAt: now, lastError });
  }
}

async function takeNewFiles(deps: Deps, source: PullSourceRow, remote: RemoteSession): Promise<PollOutcome> {
  const match = globToRegExp(source.pattern);
  const seen = await pulledKeys(deps.db, source.connectionId);
  const fresh = (await remote.list(source.folder)).filter((f) => match.test(f.name) && !seen.has(pulledKey(f.name, f.size, f.mtime)));
  const taken: string[] = [];
  let skipped = 0;
  for (const entry of fresh.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name))) {
    if (entry.size > deps.config.uploadMaxBytes) {
      deps.log.warn(
        { connectionId: source.connectionId, file: entry.name, size: entry.size },
        "pull source file larger than LINNET_UPLOAD_MAX_MB: left on the server",
      );
      skipped += 1;
      continue;
    }
    if (await takeFile(deps, source, entry, await remote.download(path.join(source.folder, entry.name)))) taken.push(entry.name);
    else skipped += 1;
  }
  return { status: "polled", taken, skipped };
}

/** Store one downloaded file with its marker; false when it was not sent on (same bytes, empty, or taken meanwhile). */
async function takeFile(deps: Deps, source: PullSourceRow, entry: RemoteEntry, bytes: Buffer): Promise<boolean> {
  const marker = {
    connectionId: source.connectionId,
    remoteName: entry.name,
    sizeBytes: entry.size,
    mtime: entry.mtime,
    pulledAt: deps.clock.now(),
  };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (await pulledSameBytes(deps.db, source.connectionId, sha256)) {
    // the same report touched or re-sent under another name: remembered, not delivered twice
    await insertPulledFile(deps.db, { ...marker, sha256, fileId: null });
    return false;
  }
  const received = await receiveFile(deps, source.connectionId, {
    channel: "pull",
    fileName: entry.name,
    bytes,
    claim: (tx, file) => insertPulledFile(tx, { ...marker, sha256: file.sha256, fileId: file.id }),
  });
  if (received.ok) return true;
  if (received.error.id !== "confirmation_required") {
    // an empty or oversize file is not retried every poll
    await insertPulledFile(deps.db, { ...marker, sha256, fileId: null });
    deps.log.warn({ connectionId: source.connectionId, file: entry.name, reason: received.error.message }, "pull source file refused");
  }
  return false;
}

/** A changed host key: refuse, and raise one open task for an operator to check it with the provider. */
async function raiseSourceTask(deps: Deps, source: PullSourceRow, message: string): Promise<void> {
  const now = deps.clock.now();
  await transactional(deps.db, async (tx) => {
    const open = (await activeTasksOf(tx, source.connectionId)).some((t) => t.kind === "source_check");
    if (!open)
      await insertTasks(tx, [
        {
          id: randomUUID(),
          connectionId: source.connectionId,
          group: "org",
          kind: "source_check",
          status: "open",
          dueAt: nextBusinessDay(now),
          createdAt: now,
        },
      ]);
    await insertActivity(tx, {
      connectionId: source.connectionId,
      actor: "intake:pull",
      kind: "intake_pull_refused",
      fromStatus: null,
      toStatus: null,
      message: `Refused the pull source: ${message}. Confirm the new key with the provider, then reset it on the source.`,
      at: now,
    });
    return ok(true);
  });
}

/** Queue a poll for every source whose interval has passed and that no poll holds; returns how many were queued. */
export async function queueDuePolls(deps: Pick<Deps, "db" | "clock" | "jobs">): Promise<number> {
  const now = deps.clock.now().getTime();
  let queued = 0;
  for (const source of await listPullSources(deps.db)) {
    const held = source.pollingUntil !== null && source.pollingUntil.getTime() > now;
    const due = source.lastPolledAt === null || source.lastPolledAt.getTime() + source.pollMinutes * 60_000 <= now;
    if (held || !due) continue;
    await deps.jobs.send(INTAKE_PULL_QUEUE, { connectionId: source.connectionId });
    queued += 1;
  }
  return queued;
}
