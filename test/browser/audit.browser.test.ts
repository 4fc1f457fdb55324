import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { signInConsole } from "../support/console.js";
import { connectEmployer } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The audit log page in Chromium: an admin reads, filters, pages and downloads it; an operator has no such tab. */
let server: TestServer;
let browser: BrowserContext;
const SHOTS = process.env.LINNET_SCREENSHOT_DIR ?? os.tmpdir();

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/ops`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("correct horse battery staple");
  await page.getByTestId("login-submit").click();
  await page.getByTestId("nav-queue").waitFor();
}

describe("audit log page", () => {
  it("an admin sees who did what, filters it, pages through it and downloads it", async () => {
    const admin = await signInConsole(server, "chief@linnet.test", "admin");
    const app = await server.createApp({ name: "Audit Benefits" });
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Quill & Co",
      products: ["company", "directory"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const task = (await admin.call<{ tasks: { id: string }[] }>("GET", `/ops/api/connections/${conn.connection_id}`)).body.tasks[0] as {
      id: string;
    };
    // 15 claims and 15 releases: more than one page of 25
    for (let i = 0; i < 15; i++) {
      expect((await admin.call("POST", `/ops/api/tasks/${task.id}/claim`)).status).toBe(200);
      expect((await admin.call("POST", `/ops/api/tasks/${task.id}/release`)).status).toBe(200);
    }
    expect(
      (
        await admin.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
          body: { status: "error_no_account_setup", reason: "No invite after three reminders" },
        })
      ).status,
    ).toBe(200);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "chief@linnet.test");
    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-table").waitFor();
    expect(await page.getByTestId("audit-row").count()).toBe(25);
    const first = await page.getByTestId("audit-row").first().innerText();
    expect(first).toContain("chief@linnet.test");
    expect(first).toContain("Changed a connection's status");
    expect(first).toContain("Changed the status to error no account setup: No invite after three reminders");
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // times in words, never ISO
    await page.screenshot({ path: path.join(SHOTS, "linnet-audit-1280.png"), fullPage: false });

    await page.getByTestId("audit-older").click();
    await expect.poll(() => page.getByTestId("audit-row").count()).toBe(6);
    expect(await page.getByTestId("audit-page").innerText()).toBe("Page 2");
    await page.getByTestId("audit-newer").click();
    await expect.poll(() => page.getByTestId("audit-row").count()).toBe(25);

    await page.getByTestId("audit-action").selectOption("task.claimed");
    await expect.poll(() => page.getByTestId("audit-row").count()).toBe(15);
    expect(await page.getByTestId("audit-csv").getAttribute("href")).toBe("/ops/api/audit.csv?action=task.claimed");
    const download = page.waitForEvent("download");
    await page.getByTestId("audit-csv").click();
    const file = await (await download).createReadStream();
    let csv = "";
    for await (const chunk of file) csv += chunk.toString();
    expect(csv.trim().split("\r\n")).toHaveLength(16);

    await page.getByTestId("audit-actor").fill("nobody");
    await page.getByTestId("audit-empty").waitFor();
    expect(await page.getByTestId("audit-empty").innerText()).toBe("No actions match these filters.");
    await page.getByTestId("audit-actor").fill("");
    await page.getByTestId("audit-action").selectOption("");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("audit-table").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "linnet-audit-390.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an operator has no audit tab, and the page says it is for admins", async () => {
    await signInConsole(server, "worker@linnet.test", "operator");
    await browser.clearCookies(); // the admin's session of the test before
    const page = await browser.newPage();
    await signIn(page, "worker@linnet.test");
    expect(await page.getByTestId("nav-audit").count()).toBe(0);
    await page.goto(`${server.url}/ops/audit`);
    await page.getByTestId("audit-admins-only").waitFor();
    expect(await page.getByTestId("audit-admins-only").innerText()).toContain("The audit log is for admins.");
    expect(await page.getByTestId("audit-table").count()).toBe(0);
    await page.close();
  });
});
