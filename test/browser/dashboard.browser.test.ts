import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { createUser } from "../../server/domain/users/create-user.js";
import { launchBrowser } from "../support/browser.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";

/** The developer dashboard in Chromium: sign in, find a PENDING assisted employer with its date, open it, rotate the secret. */
let server: TestServer;
let browser: BrowserContext;
let appA: CreatedApplication;
let appB: CreatedApplication;
let pendingId: string;
let foreignId: string;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  appA = await server.createApp({ name: "Acme Benefits" });
  const appA2 = await server.createApp({ name: "Acme Lending" });
  appB = await server.createApp({ name: "Other Co" });
  const dev = await createUser(server.linnet.deps, { email: "dev@linnet.test", password: PASSWORD, role: "developer" });
  const operator = await createUser(server.linnet.deps, { email: "operator@linnet.test", password: PASSWORD, role: "operator" });
  if (!dev.ok) throw dev.error;
  if (!operator.ok) throw operator.error;
  for (const id of [appA.client_id, appA2.client_id])
    await addApplicationMember(server.linnet.deps, { userId: dev.value.id, applicationId: id });
  const assisted = (provider: string, granted: boolean) => ({
    provider_id: provider,
    auth_method: "assisted" as const,
    access_granted: granted,
  });
  pendingId = (
    await connectEmployer(server.url, appA, {
      customer_id: "pending-1",
      customer_name: "Pending Payroll Inc",
      products: ["company", "directory"],
      choice: assisted("paychex_flex", false),
    })
  ).connection_id;
  await connectEmployer(server.url, appA, { customer_id: "busy-2", customer_name: "Processing Co", choice: assisted("paylocity", true) });
  foreignId = (
    await connectEmployer(server.url, appB, {
      customer_id: "foreign-3",
      customer_name: "Foreign Secret Ltd",
      choice: assisted("paylocity", false),
    })
  ).connection_id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(email: string) {
  await browser.clearCookies(); // each test starts signed out
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/dashboard`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  return { page, errors };
}

describe("developer dashboard", () => {
  it("an operator signing in is told the dashboard is not for them", async () => {
    const { page, errors } = await signIn("operator@linnet.test");
    await page.getByTestId("not-allowed").waitFor();
    expect(await page.getByTestId("not-allowed").innerText()).toMatch(/operations console/i);
    await page.getByTestId("logout").click();
    await page.getByTestId("login-email").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a developer picks the application, finds the PENDING assisted employer with its date, opens its timeline and rotates the secret", async () => {
    const { page, errors } = await signIn("dev@linnet.test");
    await page.getByTestId("application-picker").waitFor();
    await page.getByTestId(`open-application-${appA.client_id}`).click();
    await page.getByTestId("employers-table").waitFor();
    expect(await page.getByTestId("employers-table").innerText()).not.toContain("Foreign Secret");

    await page.getByTestId("filter-status").selectOption("pending");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid^='employer-row-']").length === 1);
    expect(await page.getByTestId(`employer-status-${pendingId}`).innerText()).toBe("PENDING");
    const expected = await page.getByTestId(`employer-expected-${pendingId}`).innerText();
    const due = new Date(server.clock.now().getTime() + 14 * 86_400_000).toLocaleDateString("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
    });
    expect(expected).toBe(due);

    await page.getByTestId("filter-search").fill("pending-1");
    await page.waitForURL(/q=pending-1/);
    await page.getByTestId(`employer-link-${pendingId}`).click();
    await page.getByTestId("connection-title").waitFor();
    expect(await page.getByTestId("connection-title").innerText()).toBe("Pending Payroll Inc");
    expect(await page.getByTestId("expected-date").innerText()).toBe(due);
    expect(await page.getByTestId("connection-activity").innerText()).toMatch(/grant access later/i);
    expect(await page.getByTestId("readiness-directory").innerText()).toMatch(/not yet/i);

    // another application's connection does not open under this one, nor does the other application
    await page.goto(`${server.url}/dashboard/applications/${appA.client_id}/connections/${foreignId}`);
    await page.getByTestId("connection-error").waitFor();
    expect(await page.locator("body").innerText()).not.toContain("Foreign Secret");
    await page.goto(`${server.url}/dashboard/applications/${appB.client_id}`);
    await page.getByTestId("application-missing").waitFor();

    await page.goto(`${server.url}/dashboard/applications/${appA.client_id}`);
    await page.getByTestId("tab-settings").click();
    expect(await page.getByTestId("client-id").innerText()).toBe(appA.client_id);
    await page.getByTestId("rotate-secret").click();
    await page.getByTestId("rotate-confirm-yes").click();
    const secret = await page.getByTestId("new-secret").innerText();
    expect(secret).toMatch(/^lsec_/);
    expect(secret).not.toBe(appA.client_secret);
    const session = await http(server.url, "POST", "/connect/sessions", {
      basic: { client_id: appA.client_id, client_secret: secret },
      body: { customer_id: "after-rotation", customer_name: "After", products: ["company"] },
    });
    expect(session.status).toBe(201);
    await page.getByTestId("hide-secret").click();
    await page.getByTestId("previous-secret-expiry").waitFor();
    expect(await page.locator("body").innerText()).not.toContain(secret);
    await page.reload();
    await page.getByTestId("client-id").waitFor();
    expect(await page.locator("body").innerText()).not.toContain(secret); // shown once
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a developer adds a webhook endpoint, sends a test event and sees the signed delivery in the log", async () => {
    const receiver: WebhookReceiver = await startReceiver();
    try {
      const { page, errors } = await signIn("dev@linnet.test");
      await page.getByTestId(`open-application-${appA.client_id}`).click();
      await page.getByTestId("tab-webhooks").click();
      await page.getByRole("heading", { name: "Webhooks" }).waitFor();
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await page.getByRole("textbox", { name: "Endpoint URL" }).fill(receiver.url);
      await page.getByRole("button", { name: "Create endpoint" }).click();
      const secret = await page.getByTestId("signing-secret").inputValue();
      expect(Buffer.from(secret, "base64").toString("base64")).toBe(secret); // plain canonical base64, as the SDK wants

      await page.getByRole("button", { name: "Send test event" }).click();
      const [hook] = await receiver.waitFor(1);
      expect(JSON.parse(hook!.body)).toMatchObject({ event_type: "test" });
      expect(hook!.headers["finch-signature"]).toMatch(/^v1,/);

      // the log refreshes by itself and shows the attempt with the receiver's answer
      const log = page.getByRole("table", { name: "Delivery log" });
      await log.getByText("test", { exact: true }).first().waitFor();
      await page.waitForFunction(() => /\b200\b/.test(document.querySelector("table[aria-label='Delivery log']")?.textContent ?? ""));
      expect(await log.innerText()).toContain("ok");
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await receiver.close();
    }
  });
});
