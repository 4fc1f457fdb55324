import fs from "node:fs";
import path from "node:path";

/** How long an orphaned server (from a Linnet killed together with its guard) gets for its fast shutdown. */
const ORPHAN_STOP_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a postgres serving `dir` (Linux: its command line; elsewhere we cannot tell, so no). */
function servesCluster(pid: number, dir: string): boolean {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return argv.some((a) => a.endsWith("postgres")) && argv.includes(dir);
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** The pid on the first line of a lock file, or null when it has none. */
function lockPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Before starting: a `postmaster.pid` left behind. Linnet holds the data-directory lock, so a server still running on
 * this cluster is an orphan of an earlier Linnet (the guard was killed with it): stop it (fast, then immediate). A pid
 * file whose process is gone is left to PostgreSQL, which replaces it; one whose pid now belongs to an unrelated process
 * (reused after a reboot) or to a zombie (a killed server nobody reaped: a container whose pid 1 does not reap) would
 * make PostgreSQL refuse to start, so it is removed. The socket's lock file (`.s.PGSQL.<port>.lock`, in the same
 * directory) is checked the same way: PostgreSQL refuses to start on it too.
 */
export async function clearStalePostmaster(dir: string, log: (message: string) => void): Promise<void> {
  const file = path.join(dir, "postmaster.pid");
  const pid = lockPid(file);
  if (pid !== null && alive(pid)) {
    if (!servesCluster(pid, dir)) {
      log(`removing a stale postmaster.pid (pid ${pid} is not this cluster's server)`);
      fs.rmSync(file, { force: true });
    } else {
      log(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
      process.kill(pid, "SIGINT");
      if (!(await waitGone(pid, ORPHAN_STOP_MS))) {
        process.kill(pid, "SIGQUIT");
        await waitGone(pid, ORPHAN_STOP_MS);
      }
    }
  }
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/^\.s\.PGSQL\.\d+\.lock$/.test(name)) continue;
    const socketPid = lockPid(path.join(dir, name));
    if (socketPid !== null && alive(socketPid) && !servesCluster(socketPid, dir)) {
      log(`removing a stale socket lock ${name} (pid ${socketPid} is not this cluster's server)`);
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
