import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { seriousAxeViolations } from "../support/axe.js";
import { launchBrowser } from "../support/browser.js";
import { signInConsole } from "../support/console.js";
import { connectEmployer } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";

/** Issue 10 item 11 (developer half): the API reference, its link, the destructive disconnect, the delivery log on a phone. */
let server: TestServer;
let browser: BrowserContext;
let receiver: WebhookReceiver;
let app: CreatedApplication;
let connectionId: string;
const EMAIL = "dev-first-hour@linnet.test";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1280, height: 800 });
  receiver = await startReceiver();
  app = await server.createApp({ name: "Acme Benefits" });
  const dev = await signInConsole(server, EMAIL, "developer");
  await addApplicationMember(server.linnet.deps, { userId: dev.userId, applicationId: app.client_id });
  const conn = await connectEmployer(server.url, app, {
    customer_name: "Pending Payroll Inc",
    choice: { provider_id: "paylocity", auth_method: "assisted", access_granted: false },
  });
  connectionId = conn.connection_id;
  const base = `/dashboard/api/applications/${app.client_id}`;
  const endpoint = await dev.call<{ id: string }>("POST", `${base}/webhooks`, {
    body: { url: `${receiver.url}/a/rather/long/path/for/a/phone/screen` },
  });
  expect(endpoint.status).toBe(201);
  expect((await dev.call("POST", `${base}/webhooks/${endpoint.body.id}/test`)).status).toBe(202);
  await receiver.waitFor(1);
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

async function signedInPage(width: number, height: number) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${server.url}/dashboard/applications/${app.client_id}`);
  await page.getByTestId("login-email").or(page.getByTestId("logout")).first().waitFor();
  if (await page.getByTestId("login-email").isVisible()) {
    await page.getByTestId("login-email").fill(EMAIL);
    await page.getByTestId("login-password").fill("correct horse battery staple");
    await page.getByTestId("login-submit").click();
  }
  await page.getByTestId("logout").waitFor();
  return page;
}

describe("the developer's first hour", () => {
  it("/reference is Linnet's API reference, not stock Swagger UI, and passes axe", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reference`);
    expect(await page.title()).toBe("API reference · Linnet");
    await page.getByRole("heading", { name: "Create a Connect session" }).first().waitFor({ timeout: 20_000 });
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/swagger|fastify/i);
    expect(await page.getByRole("link", { name: "Dashboard" }).getAttribute("href")).toBe("/dashboard");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }, 240_000); // axe walks every operation of the whole reference: minutes on a loaded 2-core machine

  it("the dashboard links to the reference, and the disconnect confirmation is styled as destructive", async () => {
    const page = await signedInPage(1280, 800);
    expect(await page.getByTestId("reference-link").getAttribute("href")).toBe("/reference");
    await page.goto(`${server.url}/dashboard/applications/${app.client_id}/connections/${connectionId}`);
    await page.getByTestId("disconnect").click();
    const confirm = page.getByTestId("disconnect-confirm-yes");
    await confirm.waitFor();
    const colours = await confirm.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, primary: getComputedStyle(document.documentElement).getPropertyValue("--danger").trim() };
    });
    expect(colours.primary).toBe("#b42318");
    expect(colours.background).toBe("rgb(180, 35, 24)");
    await page.getByTestId("disconnect-cancel").click();
    await page.close();
  });

  it("the webhook delivery log fits a 390 px phone", async () => {
    const page = await signedInPage(390, 844);
    await page.goto(`${server.url}/dashboard/applications/${app.client_id}/webhooks`);
    const log = page.getByRole("table", { name: "Delivery log" });
    await log.getByText("Redeliver").first().waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const right = await log.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(390);
    await page.close();
  });
});
