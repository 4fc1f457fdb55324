import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_NAMES, loadConfig } from "../../server/config.js";

/**
 * No container runtime runs here, so the Dockerfile and compose.yaml are kept honest by reading them: every
 * variable they set is one Linnet reads, every command they run is one the CLI has, and compose's environment
 * makes a valid configuration.
 */
const dockerfile = fs.readFileSync("Dockerfile", "utf8");
const compose = parse(fs.readFileSync("compose.yaml", "utf8"), { merge: true }) as {
  services: Record<
    string,
    { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; healthcheck?: { disable?: boolean } }
  >;
};
/** Lines of the final stage (after the last FROM). */
const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const usage = spawnSync(process.execPath, ["bin/linnet.mjs", "--help"], { encoding: "utf8", timeout: 120_000 }).stdout;

/** `${NAME:-default}` → default, `${NAME:?message}` → a value supplied by the test, as `docker compose` would. */
function interpolate(value: string, supplied: Record<string, string>): string {
  return String(value).replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_m, name: string, kind: string | undefined, rest: string) => {
    if (supplied[name] !== undefined) return supplied[name];
    if (kind === "-") return rest;
    throw new Error(`compose.yaml requires ${name}: ${rest}`);
  });
}

/** Check `linnet <args>` against the CLI's usage text. */
function expectCliCommand(args: string[]): void {
  const [command, ...rest] = args;
  const line = usage.split("\n").find((l) => l.trim().startsWith(`${command} `) || l.trim() === command);
  expect(line, `"${command}" is not a linnet command:\n${usage}`).toBeDefined();
  const role = rest.indexOf("--role");
  if (role >= 0) expect(line).toMatch(new RegExp(`--role [a-z|]*\\b${rest[role + 1]}\\b`));
}

describe("Dockerfile", () => {
  it("builds on Node 20 slim, installs production dependencies only, runs as a non-root user with a health check", () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim\b/m);
    expect(finalStage).toMatch(/^FROM node:20-slim\s*$/m);
    expect(finalStage).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(finalStage).toMatch(/^USER (?!root\b|0\b)\S+/m);
    expect(finalStage).toMatch(/^HEALTHCHECK .*\/healthz/ms);
    expect(fs.readFileSync("server/api/system/get-healthz.ts", "utf8")).toContain('"/healthz"');
  });

  it("builds the web pages in a stage with dev dependencies and copies them in", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["build:web"]).toBeDefined();
    expect(dockerfile).toMatch(/^RUN npm run build:web$/m);
    expect(finalStage).toMatch(/^COPY --from=\S+ \/app\/web\/dist \.\/web\/dist$/m);
  });

  it("sets only variables Linnet reads, copies paths that exist, and runs a linnet command", () => {
    for (const [, names] of finalStage.matchAll(/^ENV (.+)$/gm)) {
      for (const [, name] of names!.matchAll(/([A-Z_]+)=/g)) {
        if (name === "NODE_ENV") continue; // read by Node and libraries, not by Linnet
        expect(ENV_NAMES, `ENV ${name}`).toContain(name);
      }
    }
    for (const [, from] of finalStage.matchAll(/^COPY (?!--from)(\S+)/gm)) expect(fs.existsSync(from!), `COPY ${from}`).toBe(true);
    expect(finalStage).toMatch(/^ENTRYPOINT \["node", "bin\/linnet\.mjs"\]$/m);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(finalStage)![1]!) as string[];
    expectCliCommand(cmd);
  });
});

describe("compose.yaml", () => {
  const linnetServices = Object.entries(compose.services).filter(([, s]) => s.image === "linnet:local");

  it("runs PostgreSQL, Redis, a proxy, two API processes and two workers", () => {
    const roles = linnetServices.map(([, s]) => s.command?.join(" "));
    expect(roles.filter((r) => r === "serve --role api")).toHaveLength(2);
    expect(roles.filter((r) => r === "serve --role worker")).toHaveLength(2);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["postgres", "redis", "proxy"]));
    const proxy = compose.services.proxy!.command!.join(" ");
    for (const [name, s] of linnetServices) if (s.command?.includes("api")) expect(proxy).toContain(`${name}:${s.environment!.PORT}`);
  });

  it("sets only variables Linnet reads, and they make a valid configuration for every process", () => {
    const supplied = { LINNET_SECRETS_KEY: randomBytes(32).toString("base64") };
    for (const [name, service] of linnetServices) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v, supplied)]));
      for (const key of Object.keys(env)) expect(ENV_NAMES, `${name}: ${key}`).toContain(key);
      const config = loadConfig(env);
      expect(config.databaseUrl).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(config.redisUrl).toBe("redis://redis:6379");
      expectCliCommand(service.command ?? ["serve"]);
      // workers listen on no port: the image's HTTP health check would mark them unhealthy
      if (service.command?.includes("worker")) expect(service.healthcheck?.disable).toBe(true);
    }
  });
});
