import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { onInterrupt } from "./cleanup.js";

/** A spawned Node process whose stdout and stderr are kept for error messages. */
export interface Child {
  proc: ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Resolve with the first line matching `pattern`; reject when the process exits or `timeoutMs` passes first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Null while running, else how it ended ("code 1", "signal SIGKILL"). */
  exited(): string | null;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Spawn `node <args>` with extra environment variables. */
export function spawnNode(args: string[], env: Record<string, string>, cwd: string): Child {
  const proc = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : []), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const l of listeners) l();
  };
  proc.stdout?.on("data", onData);
  proc.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const done = () => {
        listeners.delete(check);
        clearTimeout(timer);
        proc.off("exit", onExit);
      };
      const check = () => {
        const m = text.match(pattern);
        if (m) {
          done();
          resolve(m);
        }
      };
      const onExit = (code: number | null) => {
        done();
        reject(new Error(`process exited (${code}) before printing ${pattern}:\n${text.slice(-2000)}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${text.slice(-2000)}`));
      }, timeoutMs);
      listeners.add(check);
      proc.once("exit", onExit);
      check();
      if (listeners.has(check) && proc.exitCode !== null) onExit(proc.exitCode);
    });

  // a profiled process (BENCH_NODE_ARGS) writes its profile as it exits: give it time to
  const stop = async (graceMs = process.env.BENCH_NODE_ARGS ? 60_000 : 10_000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const unregister = onInterrupt(() => stop());
  void exited.then(unregister);
  const exitedAs = () => (proc.signalCode ? `signal ${proc.signalCode}` : proc.exitCode !== null ? `code ${proc.exitCode}` : null);
  return { proc, output: () => text, waitFor, stop, exited: exitedAs };
}

/** Resident set size of a process in MiB (Linux `/proc/<pid>/status` VmRSS), or null when unavailable. */
export function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system), ms, from `/proc/<pid>/stat`; null when unavailable. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[11], fields[12]: utime and stime (the 14th and 15th of the line), in clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
