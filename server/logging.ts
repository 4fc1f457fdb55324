import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config.js";

/** Never written to a log line: credentials in headers, whatever the level. */
const REDACT = ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']"];

/**
 * The process's one pino logger, shared by Fastify and the domain: human-readable lines (pino-pretty, written
 * synchronously, no worker thread) on a terminal or with `LINNET_LOG_FORMAT=pretty`, JSON lines otherwise
 * (a supervisor or log shipper reads those).
 */
export function createLogger(config: Pick<Config, "logLevel" | "logFormat">, base: Record<string, string>): Logger {
  const options = { level: config.logLevel, base, redact: { paths: REDACT, censor: "[redacted]" } };
  const human = config.logFormat === "pretty" || (config.logFormat === "auto" && process.stdout.isTTY === true);
  if (!human) return pino(options);
  return pino(options, pretty({ sync: true, colorize: process.stdout.isTTY === true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss.l" }));
}
