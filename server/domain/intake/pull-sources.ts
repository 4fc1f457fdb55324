/** Pull sources: a connection's scheduled reports fetched from the provider's (or employer's) own SFTP server. */
import type { z } from "zod";
import type { PullSource, PullSourceInputSchema, PullSourceTest } from "../../../contracts/linnet/pull-sources.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { deletePullSource, findPullSource, type PullSourceRow, upsertPullSource } from "../../db/repositories/intake-sources.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { cadenceOf } from "./intake-view.js";
import { checkRemoteHost, globToRegExp, openRemote, type RemoteTarget } from "./remote-sftp.js";

/** The validated input of a create or replace. */
export type PullSourceChange = z.output<typeof PullSourceInputSchema>;

/** What is sealed: never returned, never logged. */
interface Credentials {
  password?: string;
  private_key?: string;
  passphrase?: string;
}

/** Additional authenticated data binding sealed credentials to their source. */
const credentialsAad = (connectionId: string) => `intake_pull_source:${connectionId}`;

/** The source's login, unsealed for one session. */
export function remoteTarget(deps: Pick<Deps, "cipher">, row: PullSourceRow): RemoteTarget {
  const creds = JSON.parse(deps.cipher.decrypt(row.credentialsSealed, credentialsAad(row.connectionId))) as Credentials;
  return {
    host: row.host,
    port: row.port,
    username: row.username,
    password: creds.password,
    privateKey: creds.private_key,
    passphrase: creds.passphrase,
    pinned: row.hostKeyFingerprint,
  };
}

/** The source as the console sees it. */
export function presentPullSource(deps: Pick<Deps, "cipher" | "config">, row: PullSourceRow): PullSource {
  const target = remoteTarget(deps, row);
  return {
    connection_id: row.connectionId,
    host: row.host,
    port: row.port,
    username: row.username,
    auth: target.privateKey ? "private_key" : "password",
    folder: row.folder,
    pattern: row.pattern,
    poll_minutes: row.pollMinutes,
    cadence_days: cadenceOf(deps, row.cadenceDays),
    host_key_fingerprint: row.hostKeyFingerprint,
    last_polled_at: row.lastPolledAt?.toISOString() ?? null,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

async function assistedConnection(deps: Pick<Deps, "db">, connectionId: string): Promise<Result<true>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.authMethod !== "assisted") return fail("invalid_request", "Only assisted connections receive scheduled reports");
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  return ok(true);
}

/** A connection's pull source. */
export async function getPullSource(deps: Pick<Deps, "db" | "cipher" | "config">, connectionId: string): Promise<Result<PullSource>> {
  const row = isUuid(connectionId) ? await findPullSource(deps.db, connectionId) : undefined;
  return row ? ok(presentPullSource(deps, row)) : fail("not_found", "This connection has no pull source");
}

/**
 * Create or replace a connection's pull source. The host must not be private (unless the install allows private
 * targets, as for webhooks); credentials are sealed; a changed host or port, or `reset_host_key`, forgets the pin.
 */
export async function savePullSource(
  deps: Pick<Deps, "db" | "clock" | "cipher" | "config">,
  actor: string,
  connectionId: string,
  input: PullSourceChange,
): Promise<Result<PullSource>> {
  const live = await assistedConnection(deps, connectionId);
  if (!live.ok) return live;
  const host = checkRemoteHost(deps, input.host);
  if (!host.ok) return host;
  if (/[\0\\]/.test(input.folder)) return fail("invalid_request", "folder: must be a plain path");
  if (/[/\0\\]/.test(input.pattern)) return fail("invalid_request", "pattern: a file-name glob such as census_*.csv (no folders)");
  const existing = await findPullSource(deps.db, connectionId);
  const kept: Credentials = existing ? JSON.parse(deps.cipher.decrypt(existing.credentialsSealed, credentialsAad(connectionId))) : {};
  const creds: Credentials =
    input.password || input.private_key ? { password: input.password, private_key: input.private_key, passphrase: input.passphrase } : kept;
  if (!creds.password && !creds.private_key) return fail("invalid_request", "password: give a password or a private_key");
  const now = deps.clock.now();
  const moved = !existing || existing.host !== host.value || existing.port !== input.port;
  const row: PullSourceRow = {
    connectionId,
    host: host.value,
    port: input.port,
    username: input.username,
    credentialsSealed: deps.cipher.encrypt(JSON.stringify(creds), credentialsAad(connectionId)),
    folder: input.folder,
    pattern: input.pattern,
    hostKeyFingerprint: moved || input.reset_host_key ? null : existing.hostKeyFingerprint,
    pollMinutes: input.poll_minutes,
    cadenceDays: input.cadence_days,
    pollingUntil: existing?.pollingUntil ?? null,
    lastPolledAt: existing?.lastPolledAt ?? null,
    lastError: existing?.lastError ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await upsertPullSource(deps.db, row);
  const what = existing ? "Changed the pull source" : "Added a pull source";
  await insertActivity(deps.db, {
    connectionId,
    actor,
    kind: "intake_pull_source",
    fromStatus: null,
    toStatus: null,
    message: `${what}: ${row.username}@${row.host}:${row.port}${row.folder} (${row.pattern})`,
    at: now,
  });
  return ok(presentPullSource(deps, row));
}

/** Remove a connection's pull source (the files it delivered stay). */
export async function removePullSource(deps: Pick<Deps, "db" | "clock">, actor: string, connectionId: string): Promise<Result<true>> {
  if (!isUuid(connectionId) || !(await deletePullSource(deps.db, connectionId)))
    return fail("not_found", "This connection has no pull source");
  await insertActivity(deps.db, {
    connectionId,
    actor,
    kind: "intake_pull_source",
    fromStatus: null,
    toStatus: null,
    message: "Removed the pull source",
    at: deps.clock.now(),
  });
  return ok(true);
}

/** Log in and list the matching files, taking nothing and pinning nothing. */
export async function testPullSource(deps: Pick<Deps, "db" | "cipher" | "config">, connectionId: string): Promise<Result<PullSourceTest>> {
  const row = isUuid(connectionId) ? await findPullSource(deps.db, connectionId) : undefined;
  if (!row) return fail("not_found", "This connection has no pull source");
  const opened = await openRemote(deps, remoteTarget(deps, row));
  if (!opened.ok) return ok({ ok: false, message: opened.message, host_key_fingerprint: null, matching_files: [] });
  try {
    const match = globToRegExp(row.pattern);
    const files = (await opened.value.list(row.folder)).filter((f) => match.test(f.name));
    const pin = row.hostKeyFingerprint ? "matches the pinned key" : "will be pinned on the first poll";
    return ok({
      ok: true,
      message: `Logged in; the host key ${pin}; ${files.length} matching file${files.length === 1 ? "" : "s"}`,
      host_key_fingerprint: opened.value.fingerprint,
      matching_files: files.map((f) => ({ name: f.name, size_bytes: f.size })),
    });
  } catch (err) {
    return ok({ ok: false, message: (err as Error).message, host_key_fingerprint: opened.value.fingerprint, matching_files: [] });
  } finally {
    opened.value.close();
  }
}
