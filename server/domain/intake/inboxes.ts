/** SFTP inboxes: one login per connection, for the scheduled reports of its payroll system. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import ssh2 from "ssh2";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { type ConnectionRow, findConnection } from "../../db/repositories/connections.repository.js";
import { findInbox, findInboxByUsername, type InboxRow, upsertInbox } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { hashPassword, verifyPassword } from "../security/passwords.js";

/** A parsed OpenSSH public key line, or an error naming the problem. */
export function parsePublicKey(line: string): Result<{ blob: Buffer; type: string; fingerprint: string }> {
  const parsed = ssh2.utils.parseKey(line.trim());
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error)
    return fail("invalid_request", `public_keys: not an OpenSSH public key (${key instanceof Error ? key.message : "empty"})`);
  if (key.isPrivateKey()) return fail("invalid_request", "public_keys: that is a private key; paste the .pub line");
  const blob = key.getPublicSSH();
  return ok({ blob, type: key.type, fingerprint: `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}` });
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20) || "inbox"
  );
}

const newUsername = (c: ConnectionRow) => `${slug(c.customerName ?? c.providerId)}-${randomBytes(3).toString("hex")}`;

async function loadConnection(deps: Pick<Deps, "db">, connectionId: string): Promise<Result<ConnectionRow>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.authMethod !== "assisted") return fail("invalid_request", "Only assisted connections receive scheduled reports");
  return ok(connection);
}

/** Credentials as shown once. */
export interface InboxCredentials {
  username: string;
  /** The new password; shown this once, never again. */
  password: string | null;
}

/**
 * Create the connection's inbox, or give it a new password (the old one stops working). The password is random,
 * returned once and stored as an argon2 hash.
 */
export async function resetInboxPassword(
  deps: Pick<Deps, "db" | "clock">,
  actor: string,
  connectionId: string,
): Promise<Result<InboxCredentials>> {
  const connection = await loadConnection(deps, connectionId);
  if (!connection.ok) return connection;
  if (connection.value.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  const existing = await findInbox(deps.db, connectionId);
  const now = deps.clock.now();
  const username = existing?.username ?? newUsername(connection.value);
  const password = randomBytes(18).toString("base64url");
  await upsertInbox(deps.db, {
    connectionId,
    username,
    passwordHash: await hashPassword(password),
    publicKeys: existing?.publicKeys ?? [],
    cadenceDays: existing?.cadenceDays ?? null,
    gate: existing?.gate ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  await insertActivity(deps.db, {
    connectionId,
    actor,
    kind: "intake_inbox_password",
    fromStatus: null,
    toStatus: null,
    message: existing ? "Set a new SFTP inbox password" : `Opened the SFTP inbox ${username}`,
    at: now,
  });
  return ok({ username, password });
}

/** Replace the inbox's public keys and settings (cadence in days, gate overrides). */
export async function updateInbox(
  deps: Pick<Deps, "db" | "clock">,
  actor: string,
  connectionId: string,
  change: { public_keys?: string[]; cadence_days?: number | null; gate?: Record<string, number> | null },
): Promise<Result<InboxRow>> {
  const connection = await loadConnection(deps, connectionId);
  if (!connection.ok) return connection;
  const existing = await findInbox(deps.db, connectionId);
  if (!existing) return fail("invalid_request", "Open the inbox first (set a password)");
  for (const line of change.public_keys ?? []) {
    const parsed = parsePublicKey(line);
    if (!parsed.ok) return parsed;
  }
  const now = deps.clock.now();
  const row: InboxRow = {
    ...existing,
    publicKeys: change.public_keys?.map((l) => l.trim()) ?? existing.publicKeys,
    cadenceDays: change.cadence_days === undefined ? existing.cadenceDays : change.cadence_days,
    gate: change.gate === undefined ? existing.gate : change.gate,
    updatedAt: now,
  };
  await upsertInbox(deps.db, row);
  await insertActivity(deps.db, {
    connectionId,
    actor,
    kind: "intake_inbox_updated",
    fromStatus: null,
    toStatus: null,
    message: `Updated the SFTP inbox (${row.publicKeys.length} public key(s))`,
    at: now,
  });
  return ok(row);
}

/** Add one public key; opens the inbox (without a password) when it does not exist yet. A key already there is kept once. */
export async function addInboxKey(
  deps: Pick<Deps, "db" | "clock">,
  actor: string,
  connectionId: string,
  line: string,
): Promise<Result<InboxRow>> {
  const connection = await loadConnection(deps, connectionId);
  if (!connection.ok) return connection;
  if (connection.value.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  const parsed = parsePublicKey(line);
  if (!parsed.ok) return parsed;
  const existing = await findInbox(deps.db, connectionId);
  const now = deps.clock.now();
  const keys = existing?.publicKeys ?? [];
  const known = keys.some((k) => {
    const p = parsePublicKey(k);
    return p.ok && p.value.fingerprint === parsed.value.fingerprint;
  });
  const row: InboxRow = existing
    ? { ...existing, publicKeys: known ? keys : [...keys, line.trim()], updatedAt: now }
    : {
        connectionId,
        username: newUsername(connection.value),
        passwordHash: null,
        publicKeys: [line.trim()],
        cadenceDays: null,
        gate: null,
        createdAt: now,
        updatedAt: now,
      };
  await upsertInbox(deps.db, row);
  await insertActivity(deps.db, {
    connectionId,
    actor,
    kind: "intake_inbox_updated",
    fromStatus: null,
    toStatus: null,
    message: `Added an SFTP public key (${parsed.value.type} ${parsed.value.fingerprint})`,
    at: now,
  });
  return ok(row);
}

/** Why a login was refused (logged, never told to the client). */
export type LoginRefusal = "unknown_user" | "bad_password" | "bad_key" | "disconnected";

/** A login's outcome: the inbox's connection, or why not. */
export type LoginResult = { ok: true; connectionId: string; keyLine?: string } | { ok: false; reason: LoginRefusal };

/** Check an inbox login by password: the connection id, or why not. Unknown users cost a hash too. */
export async function authenticateInboxPassword(deps: Pick<Deps, "db">, username: string, password: string): Promise<LoginResult> {
  const inbox = await findInboxByUsername(deps.db, username);
  const matches = await verifyPassword(inbox?.passwordHash ?? (await dummyHash()), password);
  if (!inbox) return { ok: false, reason: "unknown_user" };
  if (!inbox.passwordHash || !matches) return { ok: false, reason: "bad_password" };
  return liveConnection(deps, inbox);
}

/** Check an inbox login by public key (the signature itself is verified by the SFTP layer). */
export async function authenticateInboxKey(deps: Pick<Deps, "db">, username: string, blob: Buffer): Promise<LoginResult> {
  const inbox = await findInboxByUsername(deps.db, username);
  if (!inbox) return { ok: false, reason: "unknown_user" };
  const keyLine = inbox.publicKeys.find((line) => {
    const parsed = parsePublicKey(line);
    return parsed.ok && parsed.value.blob.length === blob.length && timingSafeEqual(parsed.value.blob, blob);
  });
  if (!keyLine) return { ok: false, reason: "bad_key" };
  const live = await liveConnection(deps, inbox);
  return live.ok ? { ...live, keyLine } : live;
}

async function liveConnection(deps: Pick<Deps, "db">, inbox: InboxRow): Promise<LoginResult> {
  const connection = await findConnection(deps.db, inbox.connectionId);
  if (!connection || connection.status === "disconnected") return { ok: false, reason: "disconnected" };
  return { ok: true, connectionId: inbox.connectionId };
}

let dummy: Promise<string> | null = null;
/** A real argon2 hash of a random string, so an unknown username takes as long as a wrong password. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}
