import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCredentials } from "../../server/domain/applications/demo-credentials.js";
import { seriousAxeViolations } from "../support/axe.js";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Issue 10 items 2 and 3: what a developer meets first in the demo (redirect callback, the 202, pills, clipped JSON). */
let server: TestServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer({ LINNET_DEMO: "true" });
  browser = await launchBrowser({ width: 1280, height: 800 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every JSON block of the result panel shows its whole width (nothing cut off on the right). */
async function clippedBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-testid='demo-result'] pre, .snippet pre")]
      .filter((pre) => pre.scrollWidth > pre.clientWidth + 1 || pre.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((pre) => pre.getAttribute("data-testid") ?? pre.textContent?.slice(0, 40) ?? ""),
  );
}

describe("the demo's first hour", () => {
  it("the legacy redirect link ends on /demo/callback, which exchanges the code and shows the data with its retrieved time", async () => {
    const demo = await demoCredentials(server.linnet.deps);
    const page = await browser.newPage();
    const query = new URLSearchParams({
      client_id: demo!.clientId,
      products: "company directory",
      redirect_uri: `${server.url}/demo/callback`,
      sandbox: "finch",
      state: "legacy-1",
    });
    await page.goto(`${server.url}/authorize?${query}`);
    await page.getByTestId("consent-continue").click();
    await page.getByTestId("provider-sandbox_payroll").click();
    await page.getByTestId("username").fill("good_user");
    await page.getByTestId("password").fill("good_pass");
    await page.getByTestId("credential-submit").click();
    await page.waitForURL(`${server.url}/demo/callback**`);
    const status = page.getByTestId("data-status");
    await status.waitFor({ timeout: 20_000 });
    expect(await status.getAttribute("data-code")).toBe("200");
    expect(await status.innerText()).toMatch(/^200 OK: data retrieved [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await page.getByTestId("demo-connection-status").innerText()).toBe("Connected");
    expect(JSON.parse(await page.getByTestId("data-body").innerText())).toHaveProperty("individuals");
    expect(new URL(page.url()).search).toBe(""); // the single-use code left the address bar
    await page.close();
  });

  it("an assisted connection is Pending, not Connected, and its data call shows the 202 with the expected date in words", async () => {
    for (const width of [1280, 390]) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.goto(`${server.url}/demo`);
      await page.getByTestId("demo-connect").click();
      const frame = page.frameLocator("#finch-connect-iframe");
      await frame.getByTestId("consent-continue").click();
      await frame.getByTestId("provider-search").fill("Paylocity");
      await frame.getByTestId("provider-paylocity").click();
      await frame.getByTestId("access-later").click();
      await frame.getByTestId("done").click();
      const status = page.getByTestId("data-status");
      await status.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("demo-connection-status").innerText()).toBe("Pending");
      expect(await page.getByTestId("demo-result").innerText()).not.toMatch(/\bConnected\b/);
      expect(await status.getAttribute("data-code")).toBe("202");
      expect(await status.innerText()).toMatch(/expected by [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      expect(await status.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await clippedBlocks(page), `width ${width}`).toEqual([]);
      if (width === 1280) expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it("a wrong password in Connect leaves the result panel alone while Connect stays open", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo`);
    await page.getByTestId("demo-connect").click();
    const frame = page.frameLocator("#finch-connect-iframe");
    await frame.getByTestId("consent-continue").click();
    await frame.getByTestId("provider-sandbox_payroll").click();
    await frame.getByTestId("username").fill("good_user");
    await frame.getByTestId("password").fill("wrong");
    await frame.getByTestId("credential-submit").click();
    await frame.getByRole("alert").waitFor();
    expect(await frame.getByRole("alert").innerText()).toContain("Incorrect username or password");
    // Connect is still open over the page, and the result panel still says so
    expect(await page.locator("#finch-connect-iframe").count()).toBe(1);
    expect(await page.getByTestId("demo-error").count()).toBe(0);
    await page.getByTestId("demo-open").waitFor();
    await page.close();
  });

  it("without a console session the demo offers the sandbox only", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo`);
    await page.getByTestId("demo-sandbox-only").waitFor();
    expect(await page.getByTestId("demo-sandbox").count()).toBe(0);
    await page.close();
  });
});
