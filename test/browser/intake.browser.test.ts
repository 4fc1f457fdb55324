import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { sweepReceivedFiles } from "../../server/commands/sweep-intake-files.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import type { SftpServer } from "../../server/intake/sftp/sftp-server.js";
import { screenshots, seriousAxeViolations } from "../support/axe.js";
import { launchBrowser } from "../support/browser.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { captureLog, fixture, sshPut, startTestSftp, withSsh } from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Scheduled-report intake in Chromium: the operator's Intake view and a held file published anyway, the developer's
 * "refreshed automatically" line, and the employer creating the SFTP login on the status page (then using it).
 */
let server: TestServer;
let browser: BrowserContext;
let sftp: SftpServer;
let admin: ConsoleBrowser;
let app: CreatedApplication;
let key: string;
const EMAIL = "intake-admin@linnet.test";
const census = () => fixture("adp-wfn-census.csv").toString("utf8").split("\n");

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  sftp = await startTestSftp(server, captureLog());
  admin = await signInConsole(server, EMAIL, "admin");
  app = await server.createApp({ name: "Intake Benefits" });
  key = (await admin.call<{ key: string }>("POST", "/console/api/api-keys", { body: { name: "intake" } })).body.key;
});
afterAll(async () => {
  await browser?.close();
  await sftp?.close();
  await server?.close();
});

/** An assisted ADP connection with a published census (its recipe). */
async function connectionWithRecipe(name: string) {
  const conn = await connectEmployer(server.url, app, {
    customer_name: name,
    products: ["company", "directory", "individual", "employment"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });
  const up = await http<UploadView>(
    server.url,
    "POST",
    `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=census.csv`,
    {
      raw: fixture("adp-wfn-census.csv") as unknown as string,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
    },
  );
  expect(
    (await admin.call("POST", `/ops/api/uploads/${up.body.id}/publish`, { body: { retrieved_at: "2026-11-20T09:30:00.000Z" } })).status,
  ).toBe(200);
  return conn;
}

/** Deliver a file through the files API and process it at once. */
async function deliver(connectionId: string, lines: string[]) {
  const sent = await http<{ id: string }>(server.url, "POST", `/ops/api/connections/${connectionId}/files?file_name=census.csv`, {
    raw: lines.join("\n"),
    bearer: key,
    headers: { "content-type": "text/csv" },
  });
  expect(sent.status).toBe(202);
  await sweepReceivedFiles(server.linnet.deps, { olderThanMs: -1 });
  return sent.body.id;
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/ops`);
  await page.getByTestId("login-email").or(page.getByTestId("nav-intake")).first().waitFor();
  if (await page.getByTestId("nav-intake").isVisible()) return; // the context is signed in already
  await page.getByTestId("login-email").fill(EMAIL);
  await page.getByTestId("login-password").fill("correct horse battery staple");
  await page.getByTestId("login-submit").click();
  await page.getByTestId("nav-intake").waitFor();
}

const NO_RAW = /\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/;

describe("scheduled-report intake pages", () => {
  it("the Intake view lists a held file with its reason; its page shows the verdict line by line; publishing it anyway works", async () => {
    const conn = await connectionWithRecipe("Heron Mills");
    await http(server.url, "POST", `/ops/api/connections/${conn.connection_id}/inbox/password`, {
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
    });
    const lines = census();
    const heldId = await deliver(conn.connection_id, lines.slice(0, 8)); // 7 of 12 people

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page);
    await page.getByTestId("nav-intake").click();
    await page.getByTestId("intake-files").waitFor();
    await page.getByTestId("intake-sources").waitFor();
    expect(await page.getByTestId("intake-count-held").innerText()).toMatch(/^1\s/);
    const row = page.getByTestId("intake-file-row").first();
    expect(await row.innerText()).toContain("Held for review");
    expect(await row.innerText()).toContain("Heron Mills");
    expect(await page.getByTestId("intake-source-row").first().innerText()).toMatch(/Census: /);
    expect(await page.locator("main").innerText()).not.toMatch(NO_RAW);
    await page.getByTestId("intake-status").selectOption("rejected");
    await page.getByTestId("intake-files-empty").waitFor();
    expect(page.url()).toContain("status=rejected");
    await page.getByTestId("intake-status").selectOption("held");
    await page.getByTestId("intake-file-row").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, "intake-view");

    await page.getByTestId("intake-file-link").first().click();
    await page.getByTestId("verdict").waitFor();
    expect(page.url()).toContain(`/ops/intake/files/${heldId}`);
    const headcount = await page.getByTestId("verdict-headcount").innerText();
    expect(headcount).toContain("Fail");
    expect(headcount).toMatch(/5 of 12/);
    expect(headcount).toMatch(/10 %/);
    expect(await page.getByTestId("verdict-validation").innerText()).toContain("Pass");
    await page.getByTestId("intake-diff").waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(NO_RAW);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, "intake-file-held");

    await page.getByTestId("publish-anyway").click();
    expect(await page.getByTestId("confirm-decision").isDisabled()).toBe(true);
    await page.getByTestId("decision-reason").fill("Seasonal staff left; confirmed with the employer");
    await page.getByTestId("confirm-decision").click();
    await page.waitForFunction(() => document.querySelector("[data-testid='file-status']")?.textContent === "Published");
    expect(await page.getByTestId("intake-file-reason").innerText()).toContain("Published anyway: Seasonal staff left");
    expect(await page.getByTestId("intake-decision").count()).toBe(0);
    const dir = await http<{ paging: { count: number } }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(dir.body.paging.count).toBe(7);
    await screenshots(page, "intake-file-published");

    // the connection page's inbox section
    await page.goto(`${server.url}/ops/connections/${conn.connection_id}`);
    await page.getByTestId("inbox-card").waitFor();
    expect(await page.getByTestId("inbox-login-ways").innerText()).toContain("A password is set");
    await screenshots(page, "ops-connection-inbox");
    expect(errors).toEqual([]);
  }, 240_000); // two pages, axe twice and screenshots at two widths: minutes on a loaded 2-core machine

  it("the developer's connection page says since when it refreshes by itself", async () => {
    const conn = await connectionWithRecipe("Plover Farms");
    const lines = census();
    await deliver(conn.connection_id, [lines[0]!, ...lines.slice(1).map((l) => l.replace("Staff Accountant", "Senior Accountant"))]);
    const files = await admin.call<{ files: { status: string }[] }>("GET", `/ops/api/intake/files?connection_id=${conn.connection_id}`);
    expect(files.body.files[0]?.status).toBe("published");

    const apps = await admin.call<{ data: { id: string; name: string }[] }>("GET", "/dashboard/api/applications");
    const appId = apps.body.data.find((a) => a.name === "Intake Benefits")!.id;
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${server.url}/dashboard/applications/${appId}/connections/${conn.connection_id}`);
    const line = await page.getByTestId("refreshed-automatically").innerText();
    expect(line).toMatch(/^Refreshed automatically from scheduled reports since [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, "dashboard-connection-automatic");
  }, 240_000);

  it("the employer creates the SFTP login on the status page, sees the password once, and it works; no setup elsewhere", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Egret Bakery",
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "paylocity", auth_method: "assisted", access_granted: true },
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(conn.status_url!);
    await page.getByTestId("report-setup").waitFor();
    expect(await page.getByTestId("report-setup-steps").innerText()).toContain("Send Report to SFTP Server");
    expect(await page.getByTestId("report-setup-who").innerText()).toContain("Paylocity");
    await page.getByTestId("report-setup-create").click();
    await page.getByTestId("inbox-password-once").waitFor();
    const username = await page.getByTestId("inbox-username").innerText();
    const password = await page.getByTestId("inbox-password").innerText();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId("report-setup-steps").innerText()).toContain(username);
    expect(await page.getByTestId("inbox-folder").innerText()).toBe("/");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, "status-report-setup");

    // the credentials log in, and a file lands in the connection's inbox
    await withSsh(sftp.port, username, password, (client) => sshPut(client, "/census.csv", fixture("adp-wfn-census.csv")));
    const files = await admin.call<{ files: { channel: string }[] }>("GET", `/ops/api/intake/files?connection_id=${conn.connection_id}`);
    expect(files.body.files.map((f) => f.channel)).toEqual(["sftp"]);

    // shown once: after a reload the password is gone for good
    await page.reload();
    await page.getByTestId("inbox-details").waitFor();
    expect(await page.getByTestId("inbox-password").count()).toBe(0);
    expect(await page.getByTestId("inbox-login-ways").innerText()).toContain("A password is set");
    await screenshots(page, "status-report-setup-after");
    expect(errors).toEqual([]);

    // Paycom documents no scheduled SFTP delivery, and a disconnected connection shows no setup
    const paycom = await connectEmployer(server.url, app, {
      customer_name: "Tern Tools",
      products: ["company", "directory"],
      choice: { provider_id: "paycom", auth_method: "assisted", access_granted: true },
    });
    await page.goto(paycom.status_url!);
    await page.getByTestId("status-message").waitFor();
    expect(await page.getByTestId("report-setup").count()).toBe(0);
    expect(
      (
        await admin.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
          body: { status: "disconnected", reason: "Employer left" },
        })
      ).status,
    ).toBe(200);
    await page.goto(conn.status_url!);
    await page.getByTestId("disconnected-message").waitFor();
    expect(await page.getByTestId("report-setup").count()).toBe(0);
  }, 240_000);
});
