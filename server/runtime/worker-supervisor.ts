import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";

/** The `linnet` command this process runs (the worker child runs the same code). */
const LINNET_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/linnet.mjs");
/** Restart delays after a crash: doubling from 1 s up to 30 s, back to 1 s once a worker has run for a minute. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
/** Niceness of the worker child (0 = as the API process, 19 = lowest). */
const WORKER_NICENESS = 10;

/** The supervised worker process of an all-in-one `serve`. */
export interface WorkerSupervisor {
  /** The current child's pid (undefined between a crash and its restart). */
  pid(): number | undefined;
  /** How many times it was restarted after exiting on its own. */
  restarts(): number;
  /** SIGTERM the child (its graceful stop: jobs drain or are handed back) and stop restarting; resolves on its exit. */
  stop(): Promise<void>;
}

/**
 * Run the pg-boss workers as `linnet serve --role worker` in a child process, so a publish's CPU work never blocks the
 * API's event loop. The child gets the database URL and secrets key in its environment, and an IPC channel: when this
 * process dies (even by kill -9) the channel closes and the child stops itself. A child that exits is restarted with
 * backoff until stop().
 */
export function superviseWorker(env: NodeJS.ProcessEnv, log: Logger): WorkerSupervisor {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let backoff = FIRST_BACKOFF_MS;
  let timer: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = () => {
    const startedAt = Date.now();
    const current = spawn(process.execPath, [...process.execArgv, LINNET_BIN, "serve", "--role", "worker"], {
      env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child = current;
    // Background work yields the CPU to requests: on a small machine the publish, the API and PostgreSQL share the
    // cores, and a niced worker keeps reads under 100 ms while it runs (bench:stall). Best effort: some systems refuse.
    if (current.pid !== undefined) {
      try {
        os.setPriority(current.pid, WORKER_NICENESS);
      } catch {}
    }
    exited = new Promise((resolve) => {
      current.once("exit", (code, signal) => {
        child = undefined;
        resolve();
        if (stopping) return;
        if (Date.now() - startedAt > HEALTHY_AFTER_MS) backoff = FIRST_BACKOFF_MS;
        log.error({ code, signal, restartInMs: backoff }, "the job worker process exited; restarting it");
        timer = setTimeout(() => {
          restarts++;
          start();
        }, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      });
    });
  };
  start();

  return {
    pid: () => child?.pid,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      child?.kill("SIGTERM");
      await exited;
    },
  };
}
