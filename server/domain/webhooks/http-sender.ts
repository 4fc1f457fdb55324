import http from "node:http";
import https from "node:https";
import { ATTEMPT_TIMEOUT_MS, type AttemptOutcome } from "./delivery-machine.js";
import { bareHost, isPrivateAddress, PRIVATE_TARGET_REASON, publicOnlyLookup } from "./private-addresses.js";

/** Longest response excerpt kept in the attempt log. */
export const EXCERPT_BYTES = 1024;
/** Beyond this, the rest of a response is not read (the connection is dropped instead). */
const READ_LIMIT = 64 * 1024;

/**
 * Keep-alive agents shared by every delivery, so a receiver's connections are reused. The guarded pair resolves
 * names through `publicOnlyLookup`; the open pair serves installs that allow private targets.
 */
const agents = {
  guarded: {
    http: new http.Agent({ keepAlive: true, maxSockets: 64, lookup: publicOnlyLookup }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64, lookup: publicOnlyLookup }),
  },
  open: {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  },
};

/** How a delivery may be sent. */
export interface SendOptions {
  /** Whether loopback, private and link-local addresses may be reached (LINNET_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** POST a webhook body; never throws: network errors, refused targets and timeouts come back as `{error}`. */
export function postWebhook(url: string, headers: Record<string, string>, body: string, opts: SendOptions): Promise<AttemptOutcome> {
  const timeoutMs = opts.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined; // set once the request is under way; `done` may run before that
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
    // an address literal is never looked up, so the guarded agents' lookup would not see it: check it here
    if (!opts.allowPrivate && isPrivateAddress(bareHost(target.hostname))) {
      done({ error: `${target.hostname} ${PRIVATE_TARGET_REASON}`, latencyMs: 0 });
      return;
    }
    const isHttps = target.protocol === "https:";
    const pair = opts.allowPrivate ? agents.open : agents.guarded;
    const request = (isHttps ? https : http).request(target, {
      method: "POST",
      agent: isHttps ? pair.https : pair.http,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "Linnet-Webhooks/1" },
    });
    timer = setTimeout(() => {
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
