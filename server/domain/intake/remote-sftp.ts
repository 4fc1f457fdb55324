/** A client session with a pull source's SFTP server: private-address rules, host-key pinning, listing, download. */
import { createHash } from "node:crypto";
import dns from "node:dns/promises";
import net from "node:net";
import ssh2, { type SFTPWrapper } from "ssh2";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { bareHost, isLocalHostName, isPrivateAddress } from "../webhooks/private-addresses.js";

/** Where and how to log in. */
export interface RemoteTarget {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** The pinned host-key fingerprint (null: pin whatever the server shows now). */
  pinned: string | null;
}

/** Why a session could not be opened. */
export type RemoteFailureKind = "private_address" | "host_key_changed" | "unreachable";

/** A remote directory entry that is a regular file. */
export interface RemoteEntry {
  name: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

/** An open session. */
export interface RemoteSession {
  /** The server's host-key fingerprint (`SHA256:…`, as OpenSSH prints it). */
  fingerprint: string;
  list(folder: string): Promise<RemoteEntry[]>;
  download(path: string): Promise<Buffer>;
  close(): void;
}

/** `SHA256:<base64>` of a raw host key, as `ssh-keygen -l` shows it. */
export function keyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

/** Whether a host may be named at all (a literal private address or localhost is refused when private targets are). */
export function checkRemoteHost(deps: Pick<Deps, "config">, host: string): Result<string> {
  const bare = bareHost(host.trim());
  if (!bare || /[\s/@]/.test(bare)) return fail("invalid_request", "host: must be a host name or an IP address");
  if ((isLocalHostName(bare) || isPrivateAddress(bare)) && !deps.config.webhookAllowPrivate) {
    return fail(
      "invalid_request",
      `host: ${bare} is a loopback or private address; such hosts are allowed only with LINNET_WEBHOOK_ALLOW_PRIVATE=true`,
    );
  }
  return ok(bare);
}

/** Resolve the host and refuse private addresses after resolution (a public name may point inside the network). */
async function resolveHost(deps: Pick<Deps, "config">, host: string): Promise<{ ok: true; value: string } | Failed<RemoteFailureKind>> {
  const checked = checkRemoteHost(deps, host);
  if (!checked.ok) return failWith("private_address", checked.error.message);
  let addresses: string[];
  try {
    addresses = net.isIP(checked.value) ? [checked.value] : (await dns.lookup(checked.value, { all: true })).map((a) => a.address);
  } catch {
    return failWith("unreachable", `${host} does not resolve`);
  }
  if (!deps.config.webhookAllowPrivate && addresses.some(isPrivateAddress))
    return failWith(
      "private_address",
      `${host} resolves to a loopback, private or link-local address (allowed only with LINNET_WEBHOOK_ALLOW_PRIVATE=true)`,
    );
  return { ok: true, value: addresses[0]! };
}

/** A failure carrying its kind (the poll decides what each kind means). */
export type Failed<K> = { ok: false; kind: K; message: string };
function failWith(kind: RemoteFailureKind, message: string): Failed<RemoteFailureKind> {
  return { ok: false, kind, message };
}

/** Open a session; a host key other than the pinned one is refused before any credential is sent. */
export async function openRemote(
  deps: Pick<Deps, "config">,
  target: RemoteTarget,
): Promise<{ ok: true; value: RemoteSession } | Failed<RemoteFailureKind>> {
  const address = await resolveHost(deps, target.host);
  if (!address.ok) return address;
  const client = new ssh2.Client();
  let seen = "";
  try {
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
      client.once("error", reject);
      client.once("ready", () => client.sftp((err, s) => (err ? reject(err) : resolve(s))));
      client.connect({
        host: address.value,
        port: target.port,
        username: target.username,
        password: target.password,
        privateKey: target.privateKey,
        passphrase: target.passphrase,
        tryKeyboard: false,
        readyTimeout: 20_000,
        hostVerifier: (key: Buffer) => {
          seen = keyFingerprint(key);
          return target.pinned === null || target.pinned === seen;
        },
      });
    });
    return { ok: true, value: session(client, sftp, seen) };
  } catch (err) {
    client.end();
    if (seen && target.pinned !== null && seen !== target.pinned)
      return failWith("host_key_changed", `the server's host key changed (pinned ${target.pinned}, now ${seen})`);
    return failWith("unreachable", `could not log in: ${(err as Error).message}`);
  }
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

function session(client: ssh2.Client, sftp: SFTPWrapper, fingerprint: string): RemoteSession {
  return {
    fingerprint,
    list: (folder) =>
      new Promise((resolve, reject) => {
        sftp.readdir(folder, (err, entries) => {
          if (err) return reject(new Error(`cannot list ${folder}: ${err.message}`));
          resolve(
            entries
              .filter((e) => (e.attrs.mode & S_IFMT) === S_IFREG)
              .map((e) => ({ name: e.filename, size: e.attrs.size, mtime: e.attrs.mtime })),
          );
        });
      }),
    download: (path) =>
      new Promise((resolve, reject) => {
        sftp.readFile(path, (err, bytes) => (err ? reject(new Error(`cannot read ${path}: ${err.message}`)) : resolve(bytes)));
      }),
    close: () => {
      sftp.end();
      client.end();
    },
  };
}

/** A file-name glob (`*` any run, `?` one character) as a whole-name regular expression. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
