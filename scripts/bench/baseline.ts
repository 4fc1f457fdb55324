import fs from "node:fs";
import path from "node:path";
import type { Fixtures } from "./baseline-server.js";
import { type Child, spawnNode } from "./child.js";
import { bearerFetch } from "./seed.js";
import type { Workload } from "./workloads.js";

/** Distinct responses captured per workload name (others get `DEFAULT_CAPTURES`). */
const CAPTURES: Record<string, number> = { directory: 200, individual: 50, "pay-statement": 20 };
const DEFAULT_CAPTURES = 20;

/** Capture distinct Linnet responses for each workload into a fixtures file for the baseline server. */
export async function captureFixtures(baseUrl: string, token: string, list: Workload[], file: string): Promise<void> {
  const fixtures: Fixtures = {};
  for (const w of list) {
    const wanted = CAPTURES[w.name] ?? DEFAULT_CAPTURES;
    const seen = new Set<string>();
    const bodies: string[] = [];
    let contentType = "application/json";
    for (let tries = 0; bodies.length < wanted && tries < wanted * 20; tries++) {
      const req = w.next();
      const key = `${req.path} ${req.body ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const res = await bearerFetch(baseUrl, token, req.path, { method: w.method, body: req.body });
      contentType = res.headers.get("content-type") ?? contentType;
      bodies.push(await res.text());
    }
    fixtures[`${w.method} ${w.route}`] = { contentType, bodies };
  }
  fs.writeFileSync(file, JSON.stringify(fixtures));
}

/** Mean captured body size per workload, in bytes. */
export function meanBodyBytes(file: string): Record<string, number> {
  const fixtures = JSON.parse(fs.readFileSync(file, "utf8")) as Fixtures;
  const out: Record<string, number> = {};
  for (const [key, f] of Object.entries(fixtures)) {
    out[key] = f.bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / Math.max(1, f.bodies.length);
  }
  return out;
}

/** Start the baseline server on the fixtures file; resolves with the child and its URL once it listens. */
export async function startBaseline(root: string, file: string): Promise<{ child: Child; url: string }> {
  const script = path.join(root, "scripts/bench/baseline-server.ts");
  const child = spawnNode(["--import", "tsx", script, file], {}, root);
  try {
    const m = await child.waitFor(/baseline listening on (\d+)/, 30_000);
    return { child, url: `http://127.0.0.1:${m[1]}` };
  } catch (err) {
    await child.stop();
    throw err;
  }
}
