import path from "node:path";
import { z } from "zod";
import { type EndpointName, parseRateLimits } from "./config/rate-limit-settings.js";

/** The only module that reads process.env. Everything else receives a Config. */

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LINNET_HOST: z.string().min(1).default("0.0.0.0"),
  LINNET_PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  LINNET_DATA_DIR: z.string().min(1).default("./.linnet"),
  LINNET_EMBEDDED_ENGINE: z.enum(["postgres", "pglite"]).optional(),
  LINNET_SECRETS_KEY: z.string().optional(),
  LINNET_INVITE_EMAIL: z.email().default("assist@linnet.local"),
  LINNET_INVITE_TAGGING: z.enum(["true", "false"]).default("true"),
  LINNET_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LINNET_SLA_ORG_DAYS: intFrom(14),
  LINNET_SLA_PAY_DAYS: intFrom(42),
  LINNET_SLA_PAY_ENABLED_DAYS: intFrom(14),
  LINNET_REFRESH_DAYS: intFrom(7),
  LINNET_FOLLOW_UP_DAYS: intFrom(3),
  LINNET_UPLOAD_MAX_MB: intFrom(50),
  LINNET_UPLOAD_RETENTION_DAYS: intFrom(30),
  LINNET_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\w.:/]+(,\s*[\w.:/]+)*)$/,
      "must be true, false, a hop count, or addresses/CIDRs/loopback,linklocal,uniquelocal",
    )
    .default("loopback"),
  LINNET_SECRET_GRACE_HOURS: z.coerce.number().int().min(0).max(720).default(24),
  LINNET_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LINNET_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LINNET_READ_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(192),
  LINNET_FAST_READS: z.enum(["on", "off"]).default("on"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  LINNET_WEBHOOK_ALLOW_HTTP: z.enum(["true", "false"]).default("false"),
  LINNET_WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
  LINNET_DEMO: z.enum(["true", "false"]).optional(),
  LINNET_PUBLIC_RATE_LIMIT: z
    .string()
    .default("120")
    .refine((v) => v === "off" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100_000), {
      error: 'must be "off" or a whole number of requests per minute from 1 to 100000',
    }),
  LINNET_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LINNET_METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters (e.g. `openssl rand -hex 24`)" }).optional(),
  LINNET_LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  LINNET_ACCEPTED_BODY: z.enum(["empty", "finch"]).default("empty"),
  LINNET_SFTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LINNET_SFTP_HOST_KEY: z.string().min(1).optional(),
  LINNET_GATE_HEADCOUNT_PCT: intFrom(10),
  LINNET_GATE_TERMINATIONS_PCT: intFrom(10),
  LINNET_GATE_HIRES_PCT: intFrom(15),
  LINNET_GATE_STABLE_FIELDS_PCT: intFrom(5),
  LINNET_GATE_MIN_CHANGE: z.coerce.number().int().min(0).default(2),
  LINNET_GATE_MAX_CHANGE: intFrom(200),
  LINNET_INTAKE_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  LINNET_RATE_LIMITS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const parsed = parseRateLimits(text);
      if (parsed.ok) return parsed.value;
      for (const problem of parsed.problems) ctx.addIssue({ code: "custom", message: problem, input: text });
      return z.NEVER;
    }),
});

/** Every environment variable Linnet reads (deployment files are checked against this list). */
export const ENV_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

/** Assisted-connection service levels, in days. */
export interface SlaRules {
  /** First census (org) data after the token is created. */
  orgDays: number;
  /** First pay data when the provider's pay mapping is not built yet. */
  payDays: number;
  /** First pay data when the provider is already pay-enabled. */
  payEnabledDays: number;
  /** Refresh cadence once data flows. */
  refreshDays: number;
}

/** Limits of the scheduled-report quality gate (defaults; an inbox may override each). */
export interface GateLimits {
  /** Largest headcount change per file, in percent of the previous headcount. */
  headcountPct: number;
  /** Largest share of people terminated or missing in one file, in percent. */
  terminationsPct: number;
  /** Largest share of new people in one file, in percent. */
  hiresPct: number;
  /** Largest share of people whose date of birth, SSN or names change in one file, in percent. */
  stableFieldsPct: number;
  /** Changes of at most this many people never hold a file (a small employer's one termination is not a mass change). */
  minChange: number;
  /** Changes of more than this many people always hold a file, whatever the share. */
  maxChange: number;
}

/** Scheduled-report intake: the SFTP inbox server and the gate. */
export interface IntakeConfig {
  /** Port of the SFTP inbox server started by `serve` (null: not started). */
  sftpPort: number | null;
  /** The SFTP host key (PEM/OpenSSH private key); absent means generated into dataDir once. */
  sftpHostKey: string | undefined;
  /** Default gate limits. */
  gate: GateLimits;
  /** Days past the expected cadence before a missing file is late. */
  graceDays: number;
}

/** Validated runtime configuration. */
export interface Config {
  /** TCP port the API listens on (0 picks a free one). */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Absolute URL where browsers and apps reach this server (Connect links, redirects). */
  publicUrl: string;
  /** PostgreSQL connection string; absent means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  /** Directory for embedded data, the lock file and the generated secrets key. */
  dataDir: string;
  /** Without DATABASE_URL: the embedded PostgreSQL server or PGlite (`LINNET_EMBEDDED_ENGINE`); unset picks the server. */
  embeddedEngine: "postgres" | "pglite" | undefined;
  /** Base64 32-byte key for AES-256-GCM; absent means generated into dataDir (embedded only). */
  secretsKey: string | undefined;
  /** Address employers invite as an administrator for assisted connections. */
  inviteEmail: string;
  /** Add a +tag per connection to the invite address so operators can match invitations. */
  inviteTagging: boolean;
  /** Pino log level. */
  logLevel: string;
  /** Assisted SLA and refresh timings. */
  sla: SlaRules;
  /** Assisted connections still pending after this many days are flagged for follow-up. */
  followUpDays: number;
  /** Largest accepted upload of a provider export, in bytes. */
  uploadMaxBytes: number;
  /** Days an uploaded provider export is kept before the hourly housekeeping job deletes the file itself. */
  uploadRetentionDays: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client address (Fastify's `trustProxy`): by default only a
   * proxy on this machine, so a client cannot pick its own address to escape the sign-in throttle.
   */
  trustProxy: boolean | number | string;
  /** How long another process's change to a token or connection may go unseen here (token lookup cache; 0 = off). */
  authCacheMs: number;
  /** On SIGTERM: how long in-flight requests and running jobs may take before they are cut off (jobs handed back). */
  shutdownTimeoutMs: number;
  /** Byte budget of the snapshot reader's caches (records, joined buffers, pages). */
  readCacheBytes: number;
  /** Whether the hot public reads are answered by the fast path in front of Fastify (`api/fast-reads/`). */
  fastReads: boolean;
  /** After a client secret is rotated, how long the old one keeps working, in milliseconds (0 = not at all). */
  secretGraceMs: number;
  /** Redis shared by every API process for rate limits; absent means counting in-process. */
  redisUrl: string | undefined;
  /** Requests per minute per application and endpoint (Finch's table unless overridden); null turns limiting off. */
  rateLimits: Record<EndpointName, number> | null;
  /** Accept plain-http webhook URLs for any host (otherwise only loopback hosts, where private targets are allowed). */
  webhookAllowHttp: boolean;
  /** Let webhooks reach loopback, private and link-local addresses (a single-tenant or development install). */
  webhookAllowPrivate: boolean;
  /** Serve the /demo page and its backend (`LINNET_DEMO`; default on only in the embedded mode, off with DATABASE_URL). */
  demoEnabled: boolean;
  /** Requests per minute per client address to unauthenticated pages' APIs (Connect flow, status page, demo); null = off. */
  publicRateLimit: number | null;
  /** Domain events, webhook envelopes and finished deliveries older than this many days are pruned. */
  eventRetentionDays: number;
  /** Bearer token that `GET /metrics` requires; absent means the endpoint is off (404). */
  metricsToken: string | undefined;
  /** Log lines: `pretty` (human-readable), `json`, or `auto` (pretty on a terminal, JSON otherwise). */
  logFormat: "auto" | "json" | "pretty";
  /** The body of a 202 "not ready yet": none (the assisted-flow page) or the spec's `AcceptedResponse` JSON; an application may override it. */
  acceptedBody: AcceptedBody;
  /** Scheduled-report intake. */
  intake: IntakeConfig;
}

/** How a 202 "not ready yet" answer is written. */
export type AcceptedBody = "empty" | "finch";

/** Parse the environment, listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.LINNET_HOST,
    publicUrl: (e.LINNET_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.LINNET_DATA_DIR),
    embeddedEngine: e.LINNET_EMBEDDED_ENGINE,
    secretsKey: e.LINNET_SECRETS_KEY,
    inviteEmail: e.LINNET_INVITE_EMAIL,
    inviteTagging: e.LINNET_INVITE_TAGGING === "true",
    logLevel: e.LINNET_LOG_LEVEL,
    authCacheMs: e.LINNET_AUTH_CACHE_MS,
    shutdownTimeoutMs: e.LINNET_SHUTDOWN_TIMEOUT_MS,
    readCacheBytes: e.LINNET_READ_CACHE_MB * 1024 * 1024,
    fastReads: e.LINNET_FAST_READS === "on",
    secretGraceMs: e.LINNET_SECRET_GRACE_HOURS * 3_600_000,
    followUpDays: e.LINNET_FOLLOW_UP_DAYS,
    uploadMaxBytes: e.LINNET_UPLOAD_MAX_MB * 1024 * 1024,
    uploadRetentionDays: e.LINNET_UPLOAD_RETENTION_DAYS,
    trustProxy:
      e.LINNET_TRUST_PROXY === "true"
        ? true
        : e.LINNET_TRUST_PROXY === "false"
          ? false
          : /^\d+$/.test(e.LINNET_TRUST_PROXY)
            ? Number(e.LINNET_TRUST_PROXY)
            : e.LINNET_TRUST_PROXY,
    sla: {
      orgDays: e.LINNET_SLA_ORG_DAYS,
      payDays: e.LINNET_SLA_PAY_DAYS,
      payEnabledDays: e.LINNET_SLA_PAY_ENABLED_DAYS,
      refreshDays: e.LINNET_REFRESH_DAYS,
    },
    redisUrl: e.REDIS_URL,
    rateLimits: e.LINNET_RATE_LIMITS,
    webhookAllowHttp: e.LINNET_WEBHOOK_ALLOW_HTTP === "true",
    webhookAllowPrivate: e.LINNET_WEBHOOK_ALLOW_PRIVATE === "true",
    // The demo is a first-hour tool: on for the embedded first start, opt-in for a production (DATABASE_URL) install.
    demoEnabled: e.LINNET_DEMO ? e.LINNET_DEMO === "true" : !e.DATABASE_URL,
    publicRateLimit: e.LINNET_PUBLIC_RATE_LIMIT === "off" ? null : Number(e.LINNET_PUBLIC_RATE_LIMIT),
    eventRetentionDays: e.LINNET_EVENT_RETENTION_DAYS,
    metricsToken: e.LINNET_METRICS_TOKEN,
    logFormat: e.LINNET_LOG_FORMAT,
    acceptedBody: e.LINNET_ACCEPTED_BODY,
    intake: {
      // embedded installs get an inbox server on 2222 by default; 0 turns it off
      sftpPort: (e.LINNET_SFTP_PORT ?? (e.DATABASE_URL ? 0 : 2222)) || null,
      sftpHostKey: e.LINNET_SFTP_HOST_KEY,
      gate: {
        headcountPct: e.LINNET_GATE_HEADCOUNT_PCT,
        terminationsPct: e.LINNET_GATE_TERMINATIONS_PCT,
        hiresPct: e.LINNET_GATE_HIRES_PCT,
        stableFieldsPct: e.LINNET_GATE_STABLE_FIELDS_PCT,
        minChange: e.LINNET_GATE_MIN_CHANGE,
        maxChange: e.LINNET_GATE_MAX_CHANGE,
      },
      graceDays: e.LINNET_INTAKE_GRACE_DAYS,
    },
  };
  if (config.databaseUrl && !config.secretsKey) {
    throw new Error(
      "Invalid configuration:\n  LINNET_SECRETS_KEY: required with DATABASE_URL (every process must share one key; generate one with `openssl rand -base64 32`)",
    );
  }
  return config;
}

/** The environment of a child process Linnet starts itself (the embedded mode's worker): ours, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
