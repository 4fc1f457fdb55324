import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ssh2 from "ssh2";

const { utils } = ssh2; // CommonJS: no named exports under plain Node

import type { Config } from "../../config.js";

/** The SFTP server's host key and its fingerprint (what senders pin in known_hosts). */
export interface HostKey {
  privateKey: string;
  /** `SHA256:…`, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

/** The fingerprint of a private or public key. */
export function fingerprintOf(keyText: string): string {
  const parsed = utils.parseKey(keyText);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error)
    throw new Error(`LINNET_SFTP_HOST_KEY: not a usable private key (${key instanceof Error ? key.message : "empty"})`);
  return `SHA256:${createHash("sha256").update(key.getPublicSSH()).digest("base64").replace(/=+$/, "")}`;
}

/**
 * The configured host key, or the one generated into the data directory on first start (0600, never regenerated:
 * a silently changed key breaks every sender's known_hosts).
 */
export function loadHostKey(config: Pick<Config, "dataDir"> & { intake: Pick<Config["intake"], "sftpHostKey"> }): HostKey {
  if (config.intake.sftpHostKey) return { privateKey: config.intake.sftpHostKey, fingerprint: fingerprintOf(config.intake.sftpHostKey) };
  const file = path.join(config.dataDir, "sftp_host_ed25519_key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const pair = utils.generateKeyPairSync("ed25519");
    try {
      fs.writeFileSync(file, pair.private, { mode: 0o600, flag: "wx" });
    } catch (err) {
      // another process generated it first: use theirs
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  const privateKey = fs.readFileSync(file, "utf8");
  return { privateKey, fingerprint: fingerprintOf(privateKey) };
}
