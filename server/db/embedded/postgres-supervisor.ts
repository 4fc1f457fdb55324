import { setTimeout as sleep } from "node:timers/promises";
import { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from "./embedded-postgres.js";

/**
 * The first restart waits this long; each failed start, or exit within `healthy` of starting, doubles the wait up to
 * the most (as the worker child's supervisor does), so a server that dies right after every start is not restarted
 * every second.
 */
const RESTART_DELAY_MS = { first: 1_000, max: 30_000, healthy: 60_000 };

/** The embedded server, kept running: its address stays the same across restarts. */
export interface SupervisedPostgres {
  url: string;
  /** The current postmaster's process id. */
  readonly pid: number;
  /** Stop supervising and stop the server (fast shutdown). */
  stop(): Promise<void>;
}

/**
 * Starts the embedded server and starts it again whenever it exits without being asked to (its postmaster killed,
 * by the kernel's out-of-memory killer say, or crashed): after 1 s, then, while starts keep failing or the server
 * keeps dying within a minute, after twice the previous wait up to 30 s. The restart is PostgreSQL's own crash recovery of the same cluster, on the same socket,
 * so the pools' connection string stays valid: queries in between fail as an outage (503 on the API, a retry in the
 * job queue) and the pools open new connections once the server is back. Without this, Linnet would keep answering
 * 503 until a person restarted it.
 */
export async function superviseEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<SupervisedPostgres> {
  const log = opts.log ?? (() => {});
  let current: EmbeddedPostgres = await startEmbeddedPostgres(opts);
  let startedAt = Date.now();
  let delay = RESTART_DELAY_MS.first;
  let restarting: Promise<void> | undefined;
  const stopping = new AbortController();

  const restart = async () => {
    if (Date.now() - startedAt > RESTART_DELAY_MS.healthy) delay = RESTART_DELAY_MS.first;
    log(`the embedded PostgreSQL (pid ${current.pid}) exited unexpectedly: starting it again in ${delay / 1000} s`, "warn");
    while (!stopping.signal.aborted) {
      const waited = await sleep(delay, true, { signal: stopping.signal }).catch(() => false);
      if (!waited) return;
      try {
        current = await startEmbeddedPostgres(opts);
        startedAt = Date.now();
        watch(current);
        return;
      } catch (err) {
        const next = Math.min(delay * 2, RESTART_DELAY_MS.max);
        log(`the embedded PostgreSQL did not start again (${(err as Error).message}): trying again in ${next / 1000} s`, "warn");
      } finally {
        delay = Math.min(delay * 2, RESTART_DELAY_MS.max);
      }
    }
  };
  const watch = (server: EmbeddedPostgres) => {
    void server.exited.then(() => {
      if (!stopping.signal.aborted) restarting = restart();
    });
  };
  watch(current);

  return {
    url: current.url,
    get pid() {
      return current.pid;
    },
    async stop() {
      stopping.abort();
      await restarting; // a start in progress finishes, and its server is stopped below
      await current.stop();
    },
  };
}
