import http from "node:http";
import https from "node:https";
import { ATTEMPT_TIMEOUT_MS, type AttemptOutcome } from "./delivery-machine.js";

/** Longest response excerpt kept in the attempt log. */
export const EXCERPT_BYTES = 1024;
/** Beyond this, the rest of a response is not read (the connection is dropped instead). */
const READ_LIMIT = 64 * 1024;

/** Keep-alive agents shared by every delivery, so a receiver's connections are reused. */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** POST a webhook body; never throws: network errors and timeouts come back as `{error}`. */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs = ATTEMPT_TIMEOUT_MS): Promise<AttemptOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      done({ error: "Invalid URL", latencyMs: 0 });
      return;
    }
    const isHttps = target.protocol === "https:";
    const request = (isHttps ? https : http).request(target, {
      method: "POST",
      agent: isHttps ? agents.https : agents.http,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "Linnet-Webhooks/1" },
    });
    const timer = setTimeout(() => {
      request.destroy(new Error(`Timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on("error", (err) => done({ error: err.message || String(err), latencyMs: latency() }));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
        done({ statusCode: response.statusCode ?? 0, excerpt, latencyMs: latency() });
      };
      response.on("data", (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size > READ_LIMIT) {
          finish();
          response.destroy();
        }
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    request.end(body);
  });
}
