import { randomUUID } from "node:crypto";
import { type CommandParser, createClient, defineScript } from "redis";
import type { Log } from "../../domain/deps.js";
import type { HitResult, RateLimitStore } from "./store.js";

/** Options for the Redis store. */
export interface RedisStoreOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Where the one outage warning goes. */
  log: Log;
  /** Prepended to every key so several deployments (or test runs) can share one Redis. Default `linnet:rate-limit:`. */
  prefix?: string;
  /** How long the very first request waits for the initial connection before failing open. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** How long a hit waits for Redis before failing open (and replacing a connection that hung). Default 500 ms. */
  commandTimeoutMs?: number;
}

/**
 * The sliding log as one atomic step on a sorted set (score = time of an allowed hit), mirroring the memory store:
 * trim hits at or before now - window, refuse if `limit` remain, else record this hit and renew the key's TTL.
 * Returns { allowed 0|1, remaining, retryAfterMs }.
 */
const HIT_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, limit - count - 1, 0}
end
local freeing = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
local retry = tonumber(freeing[2]) + window - now
if retry < 1 then retry = 1 end
return {0, 0, retry}
`;

/** The script as a client command; node-redis sends EVALSHA and falls back to EVAL after a NOSCRIPT. */
const HIT = defineScript({
  SCRIPT: HIT_SCRIPT,
  NUMBER_OF_KEYS: 1,
  parseCommand(parser: CommandParser, key: string, nowMs: number, windowMs: number, limit: number, member: string) {
    parser.pushKey(key);
    parser.push(String(Math.floor(nowMs)), String(windowMs), String(limit), member);
  },
  transformReply: (reply: unknown) => reply,
});

/** Redis took longer than we let a request wait. */
class DeadlineError extends Error {}

/** `promise`, or a DeadlineError after `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL with any password masked, for logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/** Read the script's `{allowed, remaining, retryAfterMs}` reply, rejecting anything else. */
function toHitResult(reply: unknown): HitResult {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((n) => typeof n === "number")) {
    throw new Error(`unexpected rate-limit script reply: ${JSON.stringify(reply)}`);
  }
  const [allowed, remaining, retryAfterMs] = reply as [number, number, number];
  return { allowed: allowed === 1, remaining, retryAfterMs };
}

/**
 * Store shared by every API process through Redis, with the same sliding-log semantics as the memory store,
 * made atomic by a Lua script that touches only its own key (one sorted set per application and endpoint).
 * Times come from the callers' clocks, so processes need roughly synchronised clocks (NTP); skew shifts windows by as much.
 *
 * It connects lazily on the first hit and then keeps reconnecting in the background. While Redis is unreachable or
 * slow, hits **fail open** (are allowed) and one warning is logged per outage: a limiter outage should not turn every
 * API call into an error, and these limits protect fairness rather than security.
 */
export function createRedisStore(options: RedisStoreOptions): RateLimitStore {
  const { url, log } = options;
  const prefix = options.prefix ?? "linnet:rate-limit:";
  const connectTimeoutMs = options.connectTimeoutMs ?? 1000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 500;
  let client: ReturnType<typeof open> | undefined;
  let firstConnect: Promise<void> | undefined;
  let initialWait: Promise<void> | undefined;
  let warned = false;
  let closed = false;

  /** Note an outage once; later errors of the same outage stay quiet. */
  function degraded(err: unknown): void {
    if (warned || closed) return;
    warned = true;
    log.warn({ err, redis: redactUrl(url) }, "Redis unreachable: rate limits are not enforced until it is back");
  }

  function open() {
    const c = createClient({
      url,
      // Reject at once while disconnected instead of queueing, so requests fail open rather than wait.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: connectTimeoutMs,
        reconnectStrategy: (retries: number) => (closed ? false : Math.min(100 * 2 ** retries, 5000)),
      },
      scripts: { rateLimitHit: HIT },
    });
    // Events from a client already replaced (after a timeout) say nothing about the current one.
    c.on("error", (err: unknown) => {
      if (client === c) degraded(err);
    });
    c.on("ready", () => {
      if (client !== c) return;
      if (warned) log.info({ redis: redactUrl(url) }, "Redis reachable again: rate limits enforced");
      warned = false;
    });
    firstConnect = c.connect().then(
      () => undefined,
      (err: unknown) => {
        if (client === c) degraded(err);
      },
    );
    return c;
  }

  /** Wait for the initial connection, bounded; once that wait is over, never wait again so an outage adds no latency. */
  async function ready(c: NonNullable<typeof client>): Promise<boolean> {
    if (c.isReady) return true;
    // Shared, so a burst of first requests all wait for the same connection attempt.
    initialWait ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, connectTimeoutMs);
      void firstConnect?.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    await initialWait;
    return c.isReady;
  }

  /** Allow the request, as if it were the first in its window. */
  function failOpen(limit: number): HitResult {
    return { allowed: true, remaining: Math.max(0, limit - 1), retryAfterMs: 0 };
  }

  return {
    async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<HitResult> {
      // After close (e.g. requests still draining at shutdown) allow rather than reconnect.
      if (closed) return failOpen(limit);
      client ??= open();
      const c = client;
      if (!(await ready(c))) {
        degraded(new Error("not connected"));
        return failOpen(limit);
      }
      try {
        const member = `${Math.floor(nowMs)}:${randomUUID()}`;
        return toHitResult(await withDeadline(c.rateLimitHit(prefix + key, nowMs, windowMs, limit, member), commandTimeoutMs));
      } catch (err) {
        degraded(err);
        // node-redis v5 keeps waiting for a reply that a hung server never sends, so start afresh with a new connection.
        if (err instanceof DeadlineError && client === c) {
          client = undefined;
          c.destroy();
        }
        return failOpen(limit);
      }
    },
    async close(): Promise<void> {
      closed = true;
      const c = client;
      client = undefined;
      if (!c) return;
      try {
        // Let in-flight hits finish, but never let a hung Redis hold up shutdown.
        if (c.isReady) await withDeadline(c.close(), commandTimeoutMs);
        else c.destroy();
      } catch {
        c.destroy();
      }
    },
  };
}
