import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<BrowserContext> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-chromium-"));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: opts.width ?? 1100, height: opts.height ?? 800 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A second origin for tests: a redirect target that echoes its query, and a host page that iframes Connect. */
export interface Receiver {
  url: string;
  close(): Promise<void>;
}

const HOST_PAGE = `<!doctype html><html><body><h1>host</h1><script>
window.__messages = [];
window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
const f = document.createElement("iframe");
f.id = "connect"; f.style.width = "100%"; f.style.height = "700px";
f.src = new URLSearchParams(location.search).get("src");
document.body.appendChild(f);
</script></body></html>`;

/** Start the receiver on 127.0.0.1 (a different origin from the server's). */
export async function startReceiver(): Promise<Receiver> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/host") {
      res.writeHead(200, { "content-type": "text/html" }).end(HOST_PAGE);
      return;
    }
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><p id="received">${url.pathname}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
