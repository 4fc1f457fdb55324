import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { launchBrowser, type Receiver, startReceiver } from "../support/browser.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Hosted Connect in real Chromium: the redirect flow for assisted and sandbox providers, postMessage targeting. */
let server: TestServer;
let receiver: Receiver;
let browser: BrowserContext;
let app: CreatedApplication;
let callback: string;

beforeAll(async () => {
  server = await startTestServer({ LINNET_INVITE_EMAIL: "ops@assist.example.com" });
  receiver = await startReceiver();
  callback = `${receiver.url}/callback`;
  app = await server.createApp({ name: "Acme Benefits", redirectUris: [callback] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

async function newSession(extra: Record<string, unknown>): Promise<string> {
  const res = await http<{ connect_url: string }>(server.url, "POST", "/connect/sessions", {
    basic: app,
    body: { customer_id: `c-${Math.random()}`, customer_name: "Acme Inc", redirect_uri: callback, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.connect_url;
}

async function exchange(page: Page): Promise<{ access_token: string }> {
  const url = new URL(page.url());
  expect(`${url.origin}${url.pathname}`).toBe(callback);
  const code = url.searchParams.get("code");
  expect(code).toBeTruthy();
  const token = await http<{ access_token: string }>(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: callback } });
  expect(token.status).toBe(200);
  return token.body;
}

describe("redirect flow", () => {
  it("assisted: consent, search, instructions with the invite address, 'later', redirect, pending token", async () => {
    const page = await browser.newPage();
    await page.goto(`${await newSession({ products: ["company", "directory", "payment"], manual: true })}&state=st-9`);
    await expect(page.title()).resolves.toContain("Connect");
    // waitFor, not isVisible(): isVisible answers at once, before React has rendered the consent screen.
    await page.getByText("Payroll runs").first().waitFor();
    await page.getByTestId("consent-continue").click();
    await page.getByTestId("provider-search").fill("paychex fl");
    await page.getByTestId("provider-paychex_flex").click();
    const invite = (await page.getByTestId("invite-email").innerText()).replace(/\s/g, "");
    expect(invite).toMatch(/^ops\+[0-9a-f]{10}@assist\.example\.com$/);
    await page.getByTestId("access-later").click();
    await page.getByTestId("success").waitFor();
    const statusUrl = await page.getByTestId("status-link").getAttribute("href");
    expect(statusUrl).toContain("/connect/status/");
    await page.getByTestId("done").click();
    await page.waitForURL(`${callback}?**`);
    expect(new URL(page.url()).searchParams.get("state")).toBe("st-9");
    const token = await exchange(page);
    const info = await http(server.url, "GET", "/introspect", { bearer: token.access_token });
    expect(info.body).toMatchObject({ manual: true, connection_status: { status: "pending" }, provider_id: "paychex_flex" });

    // The employer status page: pending, with the due date; confirming access moves it to processing.
    await page.goto(statusUrl!);
    await expect(page.getByTestId("status-label").innerText()).resolves.toBe("PENDING");
    await page.getByTestId("expected-org").waitFor();
    await page.getByTestId("confirm-access").click();
    await page.getByText("PROCESSING").waitFor();
    const after = await http(server.url, "GET", "/introspect", { bearer: token.access_token });
    expect(after.body).toMatchObject({ connection_status: { status: "processing" } });
    await page.close();
  });

  it("sandbox automated: a wrong password is refused on the form, the right one redirects with a connected token", async () => {
    const page = await browser.newPage();
    await page.goto(await newSession({ products: ["company", "directory"], sandbox: "finch" }));
    await page.getByTestId("consent-continue").click();
    await page.getByTestId("provider-sandbox_payroll").click();
    await page.getByTestId("username").fill("good_user");
    await page.getByTestId("password").fill("wrong");
    await page.getByTestId("credential-submit").click();
    await expect(page.getByRole("alert").innerText()).resolves.toContain("Incorrect username or password");
    await page.getByTestId("password").fill("good_pass");
    await page.getByTestId("credential-submit").click();
    await page.waitForURL(`${callback}?**`);
    const token = await exchange(page);
    const info = await http(server.url, "GET", "/introspect", { bearer: token.access_token });
    expect(info.body).toMatchObject({ manual: false, connection_status: { status: "connected" }, username: "good_user" });
    await page.close();
  });

  it("the legacy static link works with the keyboard alone at phone width", async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    const query = new URLSearchParams({
      client_id: app.client_id,
      products: "company directory",
      redirect_uri: callback,
      manual: "true",
      state: "kb",
    });
    await phone.goto(`${server.url}/authorize?${query}`);
    await phone.getByTestId("consent-continue").waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.getByTestId("consent-continue").focus();
    await phone.keyboard.press("Enter");
    await phone.getByTestId("provider-search").waitFor();
    await phone.getByTestId("provider-search").focus();
    await phone.keyboard.type("Gusto");
    let focused: string | null | undefined = null;
    for (let i = 0; i < 6 && !focused?.startsWith("provider-gusto"); i++) {
      await phone.keyboard.press("Tab");
      focused = await phone.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    }
    expect(focused).toBe("provider-gusto");
    await phone.keyboard.press("Enter");
    // a legacy link names no employer, so Connect asks for the company's name
    await phone.getByTestId("company-name").focus();
    await phone.keyboard.type("Keyboard Co");
    await phone.getByTestId("access-granted").focus();
    await phone.keyboard.press("Enter");
    await phone.getByTestId("done").focus();
    await phone.keyboard.press("Enter");
    await phone.waitForURL(`${callback}?**`);
    expect(new URL(phone.url()).searchParams.get("state")).toBe("kb");
    await phone.close();
  });
});

describe("embedded messages", () => {
  async function embedAndComplete(sdkHostUrl: string): Promise<Page> {
    const connectUrl = await newSession({ products: ["company"], redirect_uri: null });
    const src = `${connectUrl}&app_type=spa&sdk_host_url=${encodeURIComponent(sdkHostUrl)}&mode=employer`;
    const page = await browser.newPage();
    await page.goto(`${receiver.url}/host?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#connect");
    await frame.getByTestId("consent-continue").click();
    await frame.getByTestId("provider-sandbox_hris").click();
    await frame.getByTestId("api-token").fill("good_token");
    await frame.getByTestId("credential-submit").click();
    await frame.getByTestId("success").waitFor();
    await page.waitForTimeout(1500); // past the hand-over delay
    return page;
  }

  it("posts the code to the sdk_host_url origin", async () => {
    const page = await embedAndComplete(`${receiver.url}/host`);
    const messages = (await page.evaluate("window.__messages")) as {
      origin: string;
      data: { name: string; kind: string; code?: string };
    }[];
    const success = messages.find((m) => m.data?.kind === "success");
    expect(success?.data.name).toBe("finch-auth-message-v2");
    expect(success?.origin).toBe(server.url);
    expect(success?.data.code).toMatch(/^[0-9a-f-]{36}$/);
    await page.close();
  });

  it("never posts to a page whose origin is not sdk_host_url", async () => {
    const page = await embedAndComplete("https://elsewhere.example.com");
    const messages = (await page.evaluate("window.__messages")) as unknown[];
    expect(messages).toEqual([]);
    await page.close();
  });
});
