import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config.js";
import { safeSerializers } from "./log-redaction.js";

/** Never written to a log line: credentials in headers, whatever the level. */
const REDACT = ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']"];

/**
 * The process's one pino logger, shared by Fastify and the domain: human-readable lines (pino-pretty, written
 * synchronously, no worker thread) on a terminal or with `LINNET_LOG_FORMAT=pretty`, JSON lines otherwise
 * (a supervisor or log shipper reads those). `stream` overrides both (tests capture lines).
 */
export function createLogger(
  config: Pick<Config, "logLevel" | "logFormat">,
  base: Record<string, string>,
  stream?: DestinationStream,
): Logger {
  // request URLs without status-link tokens or grant values; errors without SQL parameters (log-redaction.ts)
  const options = { level: config.logLevel, base, redact: { paths: REDACT, censor: "[redacted]" }, serializers: safeSerializers };
  if (stream) return pino(options, stream);
  const human = config.logFormat === "pretty" || (config.logFormat === "auto" && process.stdout.isTTY === true);
  if (!human) return pino(options);
  return pino(
    options,
    pretty({ sync: true, colorize: process.stdout.isTTY === true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss.l" }),
  );
}
