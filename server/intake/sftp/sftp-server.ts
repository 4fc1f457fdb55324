import type { AddressInfo } from "node:net";
import ssh2, { type AuthContext, type Connection } from "ssh2";
import type { Deps } from "../../domain/deps.js";
import { authenticateInboxKey, authenticateInboxPassword, type LoginResult } from "../../domain/intake/inboxes.js";
import type { HostKey } from "./host-key.js";
import { type InboxSession, serveInbox } from "./inbox-session.js";
import { LoginGuard } from "./login-guard.js";

/** A running inbox server. */
export interface SftpServer {
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

/** Options of {@link startSftpServer}. */
export interface SftpOptions {
  port: number;
  host: string;
  hostKey: HostKey;
  /** Seconds a client has to log in (the `ssh2` server has no login timeout of its own). */
  loginGraceSeconds?: number;
  /** Failed attempts on one TCP connection before it is dropped. */
  attemptsPerConnection?: number;
}

/** Verify a public-key login: a key with no signature only gets "this key would do"; a signature must verify. */
function verifySignature(ctx: AuthContext, keyLine: string): boolean | "probe" {
  if (ctx.method !== "publickey") return false;
  if (!ctx.signature || !ctx.blob) return "probe";
  const parsed = ssh2.utils.parseKey(keyLine);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) return false;
  return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
}

/**
 * The SFTP inbox server (the `ssh2` package's server, pure JavaScript). Logins are inbox credentials; each session
 * gets only the SFTP subsystem of its own inbox: shell, exec, ptys, port forwarding and agent forwarding are refused.
 */
export async function startSftpServer(deps: Deps, opts: SftpOptions): Promise<SftpServer> {
  const guard = new LoginGuard(() => deps.clock.now().getTime());
  const graceMs = (opts.loginGraceSeconds ?? 30) * 1000;
  const maxAttempts = opts.attemptsPerConnection ?? 3;
  const clients = new Set<Connection>();
  const server = new ssh2.Server({ hostKeys: [opts.hostKey.privateKey], ident: "Linnet" }, (client: Connection, info) => {
    const address = info.ip;
    clients.add(client);
    const warn = (event: string, extra: Record<string, unknown> = {}) => deps.log.warn({ event, address, ...extra }, `sftp ${event}`);
    if (guard.isBanned(address)) {
      warn("login_banned");
      client.end();
      return;
    }
    let who: InboxSession | null = null;
    let attempts = 0;
    const grace = setTimeout(() => {
      warn("login_timeout");
      client.end();
    }, graceMs);
    grace.unref();
    const refuse = (ctx: AuthContext, reason: string) => {
      attempts++;
      warn("login_failed", { username: ctx.username, method: ctx.method, reason });
      if (guard.fail(address)) warn("address_banned");
      ctx.reject(["password", "publickey"]);
      if (attempts >= maxAttempts) client.end();
    };
    client.on("authentication", (ctx) => {
      if (ctx.method !== "password" && ctx.method !== "publickey") return ctx.reject(["password", "publickey"]);
      const attempt: Promise<LoginResult> =
        ctx.method === "password"
          ? authenticateInboxPassword(deps, ctx.username, ctx.password)
          : authenticateInboxKey(deps, ctx.username, ctx.key.data);
      void attempt
        .then((login) => {
          if (!login.ok) return refuse(ctx, login.reason);
          if (ctx.method === "publickey") {
            const verified = verifySignature(ctx, login.keyLine ?? "");
            if (verified === "probe") return ctx.accept(); // "this key would do": the client signs next
            if (!verified) return refuse(ctx, "bad_signature");
          }
          who = { connectionId: login.connectionId, username: ctx.username, address };
          guard.succeed(address);
          ctx.accept();
        })
        .catch((err) => {
          deps.log.error({ err }, "sftp login check failed");
          ctx.reject();
        });
    });
    client.on("ready", () => {
      clearTimeout(grace);
      deps.log.info({ event: "login", username: who?.username, address }, "sftp login");
      client.on("session", (accept) => {
        const session = accept();
        session.on("sftp", (acceptSftp) => {
          if (who) serveInbox(deps, acceptSftp(), who);
        });
        for (const kind of ["exec", "shell", "pty", "subsystem", "x11", "auth-agent", "env"] as const) {
          session.on(kind as "shell", (_accept, reject) => {
            warn("session_request_refused", { username: who?.username, kind });
            reject?.();
          });
        }
      });
      client.on("tcpip", (_accept, reject) => {
        warn("forwarding_refused", { username: who?.username });
        reject();
      });
      client.on("openssh.streamlocal", (_accept, reject) => reject());
      client.on("request", (_accept, reject, name) => {
        warn("global_request_refused", { username: who?.username, name });
        reject?.();
      });
    });
    client.on("error", (err) => deps.log.debug({ err, address }, "sftp client error"));
    client.on("close", () => {
      clearTimeout(grace);
      clients.delete(client);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    fingerprint: opts.hostKey.fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of clients) c.end();
      }),
  };
}
