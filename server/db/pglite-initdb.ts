import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Whether a PGlite data directory still needs its cluster created (no PG_VERSION yet). */
export function needsInitdb(pgdataDir: string): boolean {
  return !fs.existsSync(path.join(pgdataDir, "PG_VERSION"));
}

/**
 * Create the cluster of a new PGlite data directory in a short-lived child process, so the server then opens an
 * existing one. Why: PGlite runs initdb in-process with a second WASM Postgres instance, and its memory is the
 * process's peak. Measured on PGlite 0.5.16 (Node 20), opening a new data directory in-process: 940 MiB peak RSS,
 * 517 MiB left after two forced collections in a probe (external memory 630 MiB: the instance was still reachable),
 * and in the server 951 MiB one second after opening; opening an existing one takes 341 MiB, and the server with this
 * child 502 MiB one second after opening. initdb in a worker thread left 180 MiB behind (allocator arenas), a child
 * process nothing. The child runs only on the first start of a data directory, for a few seconds.
 */
export async function initPgliteDataDir(pgdataDir: string): Promise<void> {
  const pglite = import.meta.resolve("@electric-sql/pglite");
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
const client = await PGlite.create({ dataDir: ${JSON.stringify(pgdataDir)} });
await client.close();`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  if (code !== 0 || needsInitdb(pgdataDir))
    throw new Error(`PGlite initdb of ${pgdataDir} failed (exit ${code ?? "by signal"}): ${stderr.trim()}`);
}
