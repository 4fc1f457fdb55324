import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { hourlyHousekeepingJob } from "../../server/jobs/housekeeping.job.js";
import { launchBrowser } from "../support/browser.js";
import { signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** An upload whose file the retention rule deleted, as an operator sees it, at desktop and phone widths. */
let server: TestServer;
let browser: BrowserContext;
const shots = process.env.LINNET_SCREENSHOT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "linnet-purged-"));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1280, height: 800 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a purged upload in the operations console", () => {
  it("says when the file was deleted, keeps the report and changes, and offers no mapping or publishing", async () => {
    const app = await server.createApp();
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    let ops = await signInConsole(server, "ops@purged.test", "operator");
    const census = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url));
    const created = await http<UploadView>(
      server.url,
      "POST",
      `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=census.csv`,
      {
        raw: census as unknown as string,
        headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
      },
    );
    expect((await ops.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: {} })).status).toBe(200);
    server.clock.advance(31 * 86_400_000);
    await hourlyHousekeepingJob.handle(server.linnet.deps, {});
    ops = await signInConsole(server, "ops@purged.test", "operator");
    await browser.addCookies([{ name: ops.cookie.split("=")[0]!, value: ops.cookie.split("=").slice(1).join("="), url: server.url }]);

    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}/ops/uploads/${created.body.id}`);
      const notice = page.getByTestId("upload-purged");
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toMatch(/^The file itself was deleted on /);
      expect(text).toContain("the data it published is still served");
      expect(await page.getByTestId("upload-facts").innerText()).not.toContain("columns");
      expect(await page.getByText("Preview").count()).toBe(0);
      expect(await page.getByText("Mapping", { exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(shots, `purged-upload-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
