import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The /demo page: a developer's app embedding Connect with the real @tryfinch/react-connect SDK. */
let server: TestServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer({ LINNET_DEMO: "true" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("/demo with @tryfinch/react-connect", () => {
  it("connects an assisted employer in the embedded iframe and shows a pending, manual introspection", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/demo`);
    await page.getByTestId("demo-connect").click();
    const frame = page.frameLocator("#finch-connect-iframe");
    await frame.getByTestId("consent-continue").click();
    await frame.getByTestId("provider-search").fill("Paylocity");
    await frame.getByTestId("provider-paylocity").click();
    await frame.getByTestId("invite-email").waitFor();
    await frame.getByTestId("access-later").click();
    await frame.getByTestId("done").click();
    const pre = page.getByTestId("introspection");
    await pre.waitFor({ timeout: 15_000 });
    const introspection = JSON.parse(await pre.innerText()) as Record<string, unknown>;
    expect(introspection).toMatchObject({ manual: true, provider_id: "paylocity", connection_status: { status: "pending" } });
    // the iframe is gone once the SDK receives the success message
    await page.locator("#finch-connect-iframe").waitFor({ state: "detached", timeout: 5_000 });
    const token = JSON.parse(await page.getByTestId("token").innerText()) as Record<string, unknown>;
    expect(String(token.access_token)).toMatch(/…$/); // the demo's backend keeps the real token to itself
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reports closing Connect to the app through onClose", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo`);
    await page.getByTestId("demo-connect").click();
    const frame = page.frameLocator("#finch-connect-iframe");
    await frame.getByTestId("consent-continue").waitFor();
    await frame.getByTestId("close").click();
    await page.getByTestId("demo-closed").waitFor();
    await page.locator("#finch-connect-iframe").waitFor({ state: "detached", timeout: 5_000 });
    await page.close();
  });
});
