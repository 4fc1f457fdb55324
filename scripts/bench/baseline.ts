import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Fixtures } from "./baseline-server.js";
import { type Child, spawnNode } from "./child.js";
import { fixtureKey, type Workload } from "./workloads.js";

/** Distinct responses captured per workload name (others get `DEFAULT_CAPTURES`). */
const CAPTURES: Record<string, number> = { directory: 200, individual: 50, "pay-statement": 20, "pay-statement-gzip": 20 };
const DEFAULT_CAPTURES = 20;

/** Capture distinct Linnet responses for each workload into a fixtures file for the baseline server. */
export async function captureFixtures(baseUrl: string, token: string, list: Workload[], file: string): Promise<void> {
  const fixtures: Fixtures = {};
  for (const w of list) {
    const wanted = CAPTURES[w.name] ?? DEFAULT_CAPTURES;
    const seen = new Set<string>();
    const bodies: string[] = [];
    let contentType = "application/json";
    let contentEncoding: string | undefined;
    for (let tries = 0; bodies.length < wanted && tries < wanted * 20; tries++) {
      const req = w.next();
      const key = `${req.path} ${req.body ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const res = await rawRequest(baseUrl, token, w, req);
      contentType = res.headers["content-type"] ?? contentType;
      contentEncoding = res.headers["content-encoding"];
      bodies.push(res.body.toString("base64"));
    }
    fixtures[fixtureKey(w.method, w.route, w.headers?.["accept-encoding"])] = { contentType, contentEncoding, bodies };
  }
  fs.writeFileSync(file, JSON.stringify(fixtures));
}

/**
 * One request as the load generator sends it, answered as bytes on the wire (not decompressed, unlike `fetch`), so
 * the baseline sends exactly what Linnet sent.
 */
function rawRequest(
  baseUrl: string,
  token: string,
  w: Workload,
  req: { path: string; body?: string },
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...w.headers };
  if (req.body !== undefined)
    Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(req.body)) });
  return new Promise((resolve, reject) => {
    const r = http.request(`${baseUrl}${req.path}`, { method: w.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        res.statusCode === 200
          ? resolve({ headers: res.headers, body: Buffer.concat(chunks) })
          : reject(new Error(`${w.method} ${req.path}: ${res.statusCode} ${Buffer.concat(chunks).toString("utf8").slice(0, 500)}`)),
      );
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Mean captured body size per fixture key, in bytes as sent. */
export function meanBodyBytes(file: string): Record<string, number> {
  const fixtures = JSON.parse(fs.readFileSync(file, "utf8")) as Fixtures;
  const out: Record<string, number> = {};
  for (const [key, f] of Object.entries(fixtures)) {
    out[key] = f.bodies.reduce((sum, b) => sum + Buffer.byteLength(b, "base64"), 0) / Math.max(1, f.bodies.length);
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
