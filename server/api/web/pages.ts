import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { Config } from "../../config.js";
import type { ZodApp } from "../types.js";
import { registerFavicon } from "./favicon.js";

/** Where `vite build` writes the pages. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/** Connect must be embeddable by any app (the embed SDK iframes it); other pages must not be framed. */
const CSP_BASE =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'self'";

function page(name: string): string | null {
  const file = path.join(WEB_DIST, name, "index.html");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

function sendPage(reply: FastifyReply, html: string | null, frameable: boolean) {
  if (!html) return reply.status(503).type("text/plain").send("The web pages are not built. Run `npm run build:web`.");
  return reply
    .header("content-security-policy", `${CSP_BASE}; frame-ancestors ${frameable ? "*" : "'none'"}`)
    .header("referrer-policy", "no-referrer")
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(html);
}

const index = (demo: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linnet</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Linnet</h1><p>Open-source employment-data API, wire-compatible with the Finch API.</p>
<ul>${demo ? '<li><a href="/demo">Demo app</a>: connect an employer through embedded Connect</li>' : ""}
<li><a href="/ops">Operations console</a>: assisted connections, work queue, uploads</li>
<li><a href="/dashboard">Developer dashboard</a>: your applications' employers, settings and webhooks</li>
<li><a href="/reference">API reference</a> (<a href="/openapi.json">openapi.json</a>)</li>
<li><a href="/providers">Provider catalog</a> (JSON)</li><li><a href="/healthz">Health</a></li></ul></body></html>`;

/** The React pages (hosted Connect, employer status, demo, operations console) and their built assets. */
export function registerPages(app: ZodApp, config: Pick<Config, "demoEnabled">): void {
  const pages = { connect: page("connect"), status: page("status"), demo: page("demo"), ops: page("ops"), dashboard: page("dashboard") };
  if (fs.existsSync(WEB_DIST)) {
    app.register(fastifyStatic, { root: WEB_DIST, prefix: "/static/", index: false, maxAge: "1h", decorateReply: false });
  }
  const hide = { schema: { hide: true } };
  registerFavicon(app);
  const home = index(config.demoEnabled);
  app.get("/", hide, async (_req, reply) => reply.type("text/html; charset=utf-8").send(home));
  app.get("/authorize", hide, async (_req, reply) => sendPage(reply, pages.connect, true));
  app.get("/connect/status/:token", hide, async (_req, reply) => sendPage(reply, pages.status, false));
  if (config.demoEnabled) {
    // The callback is the demo application's registered redirect URI: the same page finishes the redirect flow.
    app.get("/demo", hide, async (_req, reply) => sendPage(reply, pages.demo, false));
    app.get("/demo/callback", hide, async (_req, reply) => sendPage(reply, pages.demo, false));
  }
  // The operations console is one page that routes on the client (/ops, /ops/connections/:id, …).
  app.get("/ops", hide, async (_req, reply) => sendPage(reply, pages.ops, false));
  app.get("/ops/*", hide, async (_req, reply) => sendPage(reply, pages.ops, false));
  // The developer dashboard routes on the client too (/dashboard, /dashboard/applications/:id/…).
  app.get("/dashboard", hide, async (_req, reply) => sendPage(reply, pages.dashboard, false));
  app.get("/dashboard/*", hide, async (_req, reply) => sendPage(reply, pages.dashboard, false));
}
