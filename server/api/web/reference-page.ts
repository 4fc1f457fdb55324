import fs from "node:fs";
import { createRequire } from "node:module";
import type { ZodApp } from "../types.js";

/**
 * The API reference at `/reference`: Redoc's standalone bundle (from the `redoc` npm package, served from here, no
 * CDN) rendering `/openapi.json` under a Linnet header, in Linnet's colours. Redoc was chosen over the stock Swagger UI
 * because Swagger UI's operation rows nest buttons (an axe "serious" finding no theme can fix) and it carries its own
 * branding; the reference only needs to be read, and "Try it" belongs to the SDKs and the demo.
 */

const REDOC_BUNDLE = createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js");

/** Linnet's tokens (web/ui/styles/base.css), given to Redoc's theme; colours chosen to pass WCAG AA contrast. */
const THEME = {
  colors: {
    primary: { main: "#1f56c4" },
    text: { primary: "#1b2330", secondary: "#4a5464" },
    http: { get: "#1a7f37", post: "#1f56c4", put: "#8a4b00", patch: "#8a4b00", delete: "#b42318" },
    success: { main: "#1a7f37" },
    warning: { main: "#8a4b00" },
    error: { main: "#b42318" },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
    code: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', color: "#a3261a" },
  },
  sidebar: { backgroundColor: "#f4f6f9", textColor: "#1b2330", activeTextColor: "#1f56c4" },
  rightPanel: { backgroundColor: "#1b2330", textColor: "#ffffff" },
};

const INIT = `Redoc.init("/openapi.json", ${JSON.stringify({
  theme: THEME,
  hideDownloadButton: false,
  expandResponses: "200,201",
  pathInMiddlePanel: true,
  scrollYOffset: 56,
})}, document.getElementById("redoc"));`;

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>API reference · Linnet</title>
<link rel="stylesheet" href="/reference/reference.css">
</head>
<body>
<header class="linnet-bar">
  <a class="wordmark" href="/"><span class="wordmark-dot" aria-hidden="true"></span>Linnet</a>
  <span class="linnet-bar-title">API reference</span>
  <nav aria-label="Linnet"><a href="/dashboard">Dashboard</a><a href="/openapi.json">openapi.json</a></nav>
</header>
<main id="redoc"><p class="loading">Loading the API reference…</p></main>
<script src="/reference/redoc.standalone.js"></script>
<script src="/reference/init.js"></script>
</body>
</html>`;

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2330; }
body { margin: 0; }
.linnet-bar { position: sticky; top: 0; z-index: 10; height: 56px; display: flex; align-items: center; gap: 16px;
  padding: 0 20px; background: #ffffff; border-bottom: 1px solid #dde2ea; box-sizing: border-box; }
.wordmark { display: inline-flex; align-items: center; gap: 8px; font-weight: 700; color: #1b2330; text-decoration: none; }
.wordmark-dot { width: 14px; height: 14px; border-radius: 50% 50% 50% 0; background: #2f6fed; }
.linnet-bar-title { color: #4a5464; }
.linnet-bar nav { margin-left: auto; display: flex; gap: 16px; }
.linnet-bar nav a { color: #1f56c4; }
.loading { padding: 24px; }
/* Redoc greys out the "property name*" label of a map's keys below AA contrast. */
#redoc [kind="additionalProperties"] > * { color: #4a5464 !important; }
@media (max-width: 480px) { .linnet-bar-title { display: none; } }
`;

/** Security headers of the reference: Redoc injects its styles and runs its search in a blob worker. */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Register `/reference` and its three assets. */
export function registerReferencePage(app: ZodApp): void {
  const hide = { schema: { hide: true } };
  const bundle = fs.readFileSync(REDOC_BUNDLE, "utf8");
  app.get("/reference", hide, async (_req, reply) =>
    reply.header("content-security-policy", CSP).header("x-content-type-options", "nosniff").type("text/html; charset=utf-8").send(HTML),
  );
  app.get("/reference/", hide, async (_req, reply) => reply.redirect("/reference", 301));
  app.get("/reference/reference.css", hide, async (_req, reply) => reply.type("text/css; charset=utf-8").send(CSS));
  app.get("/reference/init.js", hide, async (_req, reply) => reply.type("text/javascript; charset=utf-8").send(INIT));
  app.get("/reference/redoc.standalone.js", hide, async (_req, reply) =>
    reply.header("cache-control", "public, max-age=3600").type("text/javascript; charset=utf-8").send(bundle),
  );
}
