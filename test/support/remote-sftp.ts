import path from "node:path/posix";
import ssh2, { type Connection, type SFTPWrapper } from "ssh2";
import { keyFingerprint } from "../../server/domain/intake/remote-sftp.js";

const { utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

/** A file the remote server offers. */
export interface RemoteFile {
  bytes: Buffer;
  /** Seconds since the epoch. */
  mtime: number;
}

/** A provider's SFTP server, as a pull source sees it: one folder of files, read-only, one login. */
export interface RemoteSftp {
  port: number;
  fingerprint: string;
  /** Files of the served folder by name (change it freely between polls). */
  files: Map<string, RemoteFile>;
  /** Files a client opened for reading (what polls downloaded), in order. */
  downloads: string[];
  /** Serve again on the same port with a new host key (a changed or spoofed server). */
  changeHostKey(): Promise<void>;
  close(): Promise<void>;
}

const attrsOf = (f: RemoteFile) => ({ mode: 0o100644, uid: 0, gid: 0, size: f.bytes.length, atime: f.mtime, mtime: f.mtime });
const DIR_ATTRS = { mode: 0o040755, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };

function serveSftp(sftp: SFTPWrapper, folder: string, files: Map<string, RemoteFile>, downloads: string[]) {
  const handles = new Map<string, { dir: boolean; name: string; listed?: boolean }>();
  let next = 0;
  const open = (entry: { dir: boolean; name: string }) => {
    const handle = Buffer.from(String(next++));
    handles.set(handle.toString(), entry);
    return handle;
  };
  const fileAt = (p: string) => (path.dirname(path.resolve("/", p)) === folder ? files.get(path.basename(p)) : undefined);
  sftp.on("REALPATH", (id, p) => sftp.name(id, [{ filename: path.resolve("/", p), longname: p, attrs: DIR_ATTRS }]));
  sftp.on("OPENDIR", (id, p) =>
    path.resolve("/", p) === folder ? sftp.handle(id, open({ dir: true, name: p })) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE),
  );
  sftp.on("READDIR", (id, handle) => {
    const h = handles.get(handle.toString());
    if (!h?.dir) return sftp.status(id, STATUS_CODE.FAILURE);
    if (h.listed) return sftp.status(id, STATUS_CODE.EOF);
    h.listed = true;
    const names = [...files].map(([name, f]) => ({
      filename: name,
      longname: `-rw-r--r-- 1 0 0 ${f.bytes.length} Jan 1 00:00 ${name}`,
      attrs: attrsOf(f),
    }));
    names.push({ filename: "archive", longname: "drwxr-xr-x 1 0 0 0 Jan 1 00:00 archive", attrs: DIR_ATTRS });
    return sftp.name(id, names);
  });
  sftp.on("OPEN", (id, p, flags) => {
    const file = fileAt(p);
    if (!file || flags !== utils.sftp.OPEN_MODE.READ)
      return sftp.status(id, file ? STATUS_CODE.PERMISSION_DENIED : STATUS_CODE.NO_SUCH_FILE);
    downloads.push(path.basename(p));
    return sftp.handle(id, open({ dir: false, name: path.basename(p) }));
  });
  sftp.on("READ", (id, handle, offset, length) => {
    const h = handles.get(handle.toString());
    const file = h && !h.dir ? files.get(h.name) : undefined;
    if (!file) return sftp.status(id, STATUS_CODE.FAILURE);
    if (offset >= file.bytes.length) return sftp.status(id, STATUS_CODE.EOF);
    return sftp.data(id, file.bytes.subarray(offset, offset + length));
  });
  sftp.on("FSTAT", (id, handle) => {
    const h = handles.get(handle.toString());
    const file = h && !h.dir ? files.get(h.name) : undefined;
    return file ? sftp.attrs(id, attrsOf(file)) : sftp.status(id, STATUS_CODE.FAILURE);
  });
  const stat = (id: number, p: string) => {
    const file = fileAt(p);
    if (file) return sftp.attrs(id, attrsOf(file));
    return path.resolve("/", p) === folder ? sftp.attrs(id, DIR_ATTRS) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
  };
  sftp.on("STAT", stat);
  sftp.on("LSTAT", stat);
  sftp.on("CLOSE", (id, handle) => {
    handles.delete(handle.toString());
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on("end", () => sftp.end());
}

/** Start a provider-like SFTP server on 127.0.0.1 (an `ssh2` server in the test) with one user and one folder. */
export async function startRemoteSftp(opts: { username: string; password: string; folder: string }): Promise<RemoteSftp> {
  const files = new Map<string, RemoteFile>();
  const downloads: string[] = [];
  const clients = new Set<Connection>();
  let port = 0;
  const listen = async () => {
    const key = utils.generateKeyPairSync("ed25519");
    const parsed = utils.parseKey(key.private);
    const fingerprint = keyFingerprint((Array.isArray(parsed) ? parsed[0] : (parsed as ssh2.ParsedKey)).getPublicSSH());
    const server = new ssh2.Server({ hostKeys: [key.private] }, (client) => {
      clients.add(client);
      client.on("close", () => clients.delete(client));
      client.on("error", () => {});
      client.on("authentication", (ctx) =>
        ctx.method === "password" && ctx.username === opts.username && ctx.password === opts.password
          ? ctx.accept()
          : ctx.reject(["password"]),
      );
      client.on("ready", () =>
        client.on("session", (accept) => accept().on("sftp", (acceptSftp) => serveSftp(acceptSftp(), opts.folder, files, downloads))),
      );
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
    port = (server.address() as { port: number }).port;
    return { server, fingerprint };
  };
  let current = await listen();
  const stop = async () => {
    for (const c of clients) c.end();
    await new Promise<void>((resolve) => current.server.close(() => resolve()));
  };
  return {
    get port() {
      return port;
    },
    get fingerprint() {
      return current.fingerprint;
    },
    files,
    downloads,
    async changeHostKey() {
      await stop();
      current = await listen();
    },
    close: stop,
  };
}
