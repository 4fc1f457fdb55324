import { randomBytes } from "node:crypto";
import ssh2, { type Attributes, type SFTPWrapper } from "ssh2";
import type { Deps } from "../../domain/deps.js";
import { receiveFile, sentFiles } from "../../domain/intake/receive-file.js";
import { resolveInboxPath } from "./inbox-paths.js";

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;
const FILE_MODE = 0o100640;
const DIR_MODE = 0o040750;

/** An upload in progress: its chunks live only here until a successful CLOSE stores the file. */
interface WriteHandle {
  kind: "write";
  name: string;
  chunks: { offset: number; data: Buffer }[];
  size: number;
  failed: string | null;
}
type Handle = WriteHandle | { kind: "dir"; listed: boolean };

/** Who is logged in on this SFTP session. */
export interface InboxSession {
  connectionId: string;
  username: string;
  address: string;
}

function assemble(h: WriteHandle): Buffer {
  const out = Buffer.alloc(h.size);
  for (const c of h.chunks) c.data.copy(out, c.offset);
  return out;
}

/**
 * Serve one SFTP channel of an inbox: write files into its one folder and list what it sent; everything else is
 * refused. A file counts only on a successful CLOSE, after the domain stored it durably; an upload without CLOSE
 * (killed sender, dropped link) is discarded and logged when the channel goes away.
 */
export function serveInbox(deps: Deps, sftp: SFTPWrapper, who: InboxSession): void {
  const handles = new Map<string, Handle>();
  const log = (event: string, extra: Record<string, unknown> = {}) =>
    deps.log.warn({ event, username: who.username, address: who.address, ...extra }, `sftp ${event}`);
  const newHandle = (h: Handle) => {
    const id = randomBytes(8);
    handles.set(id.toString("hex"), h);
    return id;
  };
  const deny = (reqId: number, event: string, extra: Record<string, unknown> = {}) => {
    log(event, extra);
    sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, "not allowed in this inbox");
  };
  const fileAttrs = (size: number, at: Date): Attributes => ({
    mode: FILE_MODE,
    uid: 0,
    gid: 0,
    size,
    atime: at.getTime() / 1000,
    mtime: at.getTime() / 1000,
  });
  const dirAttrs: Attributes = { mode: DIR_MODE, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };

  sftp.on("REALPATH", (reqId, p) => {
    const resolved = resolveInboxPath(p);
    if (!resolved) return deny(reqId, "path_refused", { path: p });
    const name = resolved.kind === "root" ? "/" : `/${resolved.name}`;
    sftp.name(reqId, [{ filename: name, longname: name, attrs: dirAttrs }]);
  });
  const stat = async (reqId: number, p: string) => {
    const resolved = resolveInboxPath(p);
    if (!resolved) return deny(reqId, "path_refused", { path: p });
    if (resolved.kind === "root") return sftp.attrs(reqId, dirAttrs);
    const file = (await sentFiles(deps, who.connectionId)).find((f) => f.name === resolved.name);
    if (!file) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
    sftp.attrs(reqId, fileAttrs(file.size, file.receivedAt));
  };
  sftp.on("STAT", (reqId, p) => void stat(reqId, p).catch(() => sftp.status(reqId, STATUS_CODE.FAILURE)));
  sftp.on("LSTAT", (reqId, p) => void stat(reqId, p).catch(() => sftp.status(reqId, STATUS_CODE.FAILURE)));
  sftp.on("OPENDIR", (reqId, p) => {
    const resolved = resolveInboxPath(p);
    if (resolved?.kind !== "root") return deny(reqId, "path_refused", { path: p });
    sftp.handle(reqId, newHandle({ kind: "dir", listed: false }));
  });
  sftp.on("READDIR", (reqId, handle) => {
    const h = handles.get(handle.toString("hex"));
    if (h?.kind !== "dir") return sftp.status(reqId, STATUS_CODE.FAILURE);
    if (h.listed) return sftp.status(reqId, STATUS_CODE.EOF);
    h.listed = true;
    void sentFiles(deps, who.connectionId)
      .then((files) => {
        if (files.length === 0) return sftp.status(reqId, STATUS_CODE.EOF);
        sftp.name(
          reqId,
          files.map((f) => ({
            filename: f.name,
            longname: `-rw-r-----   1 inbox inbox ${String(f.size).padStart(10)} ${f.name}`,
            attrs: fileAttrs(f.size, f.receivedAt),
          })),
        );
      })
      .catch(() => sftp.status(reqId, STATUS_CODE.FAILURE));
  });
  sftp.on("OPEN", (reqId, filename, flags) => {
    const resolved = resolveInboxPath(filename);
    if (resolved?.kind !== "file") return deny(reqId, "path_refused", { path: filename });
    // write-only: reading back (or appending to) a delivered payroll file is not offered
    if (flags & OPEN_MODE.READ || !(flags & OPEN_MODE.WRITE) || flags & OPEN_MODE.APPEND)
      return deny(reqId, "open_refused", { path: filename, flags });
    sftp.handle(reqId, newHandle({ kind: "write", name: resolved.name, chunks: [], size: 0, failed: null }));
  });
  sftp.on("WRITE", (reqId, handle, offset, data) => {
    const h = handles.get(handle.toString("hex"));
    if (h?.kind !== "write") return sftp.status(reqId, STATUS_CODE.FAILURE);
    const end = offset + data.length;
    if (h.failed || end > deps.config.uploadMaxBytes) {
      if (!h.failed) log("file_too_large", { file: h.name, limit: deps.config.uploadMaxBytes });
      h.failed = "too_large";
      h.chunks = [];
      return sftp.status(reqId, STATUS_CODE.FAILURE, `file larger than ${deps.config.uploadMaxBytes / 1024 / 1024} MB`);
    }
    h.chunks.push({ offset, data: Buffer.from(data) });
    h.size = Math.max(h.size, end);
    sftp.status(reqId, STATUS_CODE.OK);
  });
  const ok = (reqId: number) => sftp.status(reqId, STATUS_CODE.OK);
  sftp.on("SETSTAT", ok);
  sftp.on("FSETSTAT", ok);
  sftp.on("FSTAT", (reqId, handle) => {
    const h = handles.get(handle.toString("hex"));
    if (!h) return sftp.status(reqId, STATUS_CODE.FAILURE);
    sftp.attrs(reqId, h.kind === "dir" ? dirAttrs : fileAttrs(h.size, new Date()));
  });
  sftp.on("CLOSE", (reqId, handle) => {
    const key = handle.toString("hex");
    const h = handles.get(key);
    handles.delete(key);
    if (!h) return sftp.status(reqId, STATUS_CODE.FAILURE);
    if (h.kind === "dir") return ok(reqId);
    if (h.failed) return sftp.status(reqId, STATUS_CODE.FAILURE, "the upload failed and was discarded");
    // store durably, then acknowledge: a storage failure reaches the sender as an error, never as a lost file
    void receiveFile(deps, who.connectionId, { channel: "sftp", fileName: h.name, bytes: assemble(h) })
      .then((stored) => {
        if (stored.ok) {
          deps.log.info(
            { event: "file_received", username: who.username, fileId: stored.value.id, sha256: stored.value.sha256 },
            "sftp file received",
          );
          return ok(reqId);
        }
        log("file_refused", { file: h.name, reason: stored.error.message });
        sftp.status(reqId, STATUS_CODE.FAILURE, stored.error.message);
      })
      .catch((err) => {
        deps.log.error({ err, username: who.username }, "sftp could not store a file");
        sftp.status(reqId, STATUS_CODE.FAILURE, "could not store the file");
      });
  });
  for (const op of ["READ", "REMOVE", "RENAME", "MKDIR", "RMDIR", "READLINK", "SYMLINK", "EXTENDED"] as const) {
    sftp.on(op as "REMOVE", (reqId: number, ...args: unknown[]) =>
      deny(reqId, op === "SYMLINK" ? "symlink_refused" : "operation_refused", { op, path: String(args[0] ?? "") }),
    );
  }
  // OpenSSH's `sftp -b` waits for the server to end the channel after it ends its side
  sftp.on("end", () => sftp.end());
  sftp.on("close", () => {
    for (const h of handles.values()) if (h.kind === "write") log("transfer_interrupted", { file: h.name, bytes: h.size });
    handles.clear();
  });
}
