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

/**
 * Before starting: a `postmaster.pid` left behind. Linnet holds the data-directory lock, so a server still running on
 * this cluster is an orphan of an earlier Linnet (the guard was killed with it): stop it (fast, then immediate). A pid
 * file whose process is gone is left to PostgreSQL, which replaces it; one whose pid now belongs to an unrelated process
 * (reused after a reboot) would make PostgreSQL refuse to start, so it is removed.
 */
export async function clearStalePostmaster(dir: string, log: (message: string) => void): Promise<void> {
  const file = path.join(dir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  } catch {
    return; // no pid file: a clean stop
  }
  if (!Number.isFinite(pid) || pid <= 0 || !alive(pid)) return;
  if (!servesCluster(pid, dir)) {
    log(`removing a stale postmaster.pid (pid ${pid} is not this cluster's server)`);
    fs.rmSync(file, { force: true });
    return;
  }
  log(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, "SIGINT");
  if (await waitGone(pid, ORPHAN_STOP_MS)) return;
  process.kill(pid, "SIGQUIT");
  await waitGone(pid, ORPHAN_STOP_MS);
}
