import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../../contracts/linnet/ops.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { ADP_WORKFORCE_NOW_CENSUS } from "../../server/domain/ingestion/templates/adp-workforce-now-census.js";
import { screenshots, seriousAxeViolations } from "../support/axe.js";
import { launchBrowser } from "../support/browser.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * An operator's first hour in the console (issue 10): a fresh PENDING connection taken to CONNECTED with a saved census
 * template, counting clicks, and every text on the way checked for truth (states, people, dates, money).
 */
let server: TestServer;
let browser: BrowserContext;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let admin: ConsoleBrowser;
const OPERATOR = "first-hour@linnet.test";
const PASSWORD = "correct horse battery staple";
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The ADP census export with its dates written day-first: the built-in template (US dates) reads it with errors. */
function dayFirstCensus(): string {
  const original = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url), "utf8");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "linnet-first-hour-")), "Harbor census.csv");
  fs.writeFileSync(file, original.replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, "$2/$1/$3"));
  return file;
}

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
}

/** Every text a person reads on the page: no raw ids, keys, ISO timestamps or cents. */
async function expectPlainWords(page: Page) {
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(ISO_TIMESTAMP);
  expect(text).not.toMatch(/\b(user|operator|app):/i);
  expect(text).not.toMatch(/issues\.|_cents| cents\b/);
}

async function expectNoSeriousAxe(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

async function orgTask(connectionId: string): Promise<Task> {
  const list = await ops.call<{ tasks: Task[] }>("GET", "/ops/api/tasks?limit=100");
  return list.body.tasks.find((t) => t.connection_id === connectionId && t.group === "org")!;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1280, height: 800 });
  app = await server.createApp({ name: "First Hour App" });
  ops = await signInConsole(server, OPERATOR, "operator");
  admin = await signInConsole(server, "first-hour-admin@linnet.test", "admin");
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("an operator's first hour", () => {
  it("takes a fresh PENDING connection to CONNECTED with a saved census template in 6 clicks, and every text is true", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Harbor Dental",
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted" },
    });
    // a template saved on an earlier day: the census columns this employer's export has, with day-first dates
    const columns = ADP_WORKFORCE_NOW_CENSUS.mapping.columns;
    const mapping = {
      ...ADP_WORKFORCE_NOW_CENSUS.mapping,
      dateFormat: "DD/MM/YYYY",
      columns: {
        source_id: columns.source_id,
        first_name: columns.first_name,
        last_name: columns.last_name,
        dob: columns.dob,
        start_date: columns.start_date,
        title: columns.title,
      },
    };
    const saved = await ops.call<{ id: string }>("POST", "/ops/api/templates", {
      body: { provider_id: "adp_workforce_now", name: "Harbor day-first census", mapping },
    });
    expect(saved.status).toBe(201);
    const task = await orgTask(conn.connection_id);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, `${server.url}/ops`, OPERATOR);
    await page.getByTestId("task-table").waitFor();
    await page.waitForFunction(() => document.title === "Work queue · Linnet Operations");
    await expectNoSeriousAxe(page);
    await screenshots(page, "ops-queue");

    let clicks = 0;
    await page.getByTestId(`task-link-${task.id}`).click();
    clicks++;
    await page.getByTestId("connection-title").waitFor();
    expect(await page.getByTestId("connection-status").innerText()).toMatch(/PENDING/i);
    await page.waitForFunction(() => document.title === "Harbor Dental · Connection · Linnet Operations");
    await expectNoSeriousAxe(page);
    await screenshots(page, "ops-connection-pending");

    await page.getByTestId("upload-file-org").setInputFiles(dayFirstCensus()); // the file chooser
    clicks++;
    await page.getByTestId("upload-view").waitFor();
    // the built-in ADP template read the day-first dates with errors: the upload says so, and cannot be published
    expect(await page.getByTestId("upload-status").innerText()).toBe("Has errors");
    expect(await page.getByTestId("publish").isDisabled()).toBe(true);
    expect(await page.getByTestId("report-counts").innerText()).not.toMatch(/issues\.|\.|_/);
    await expectNoSeriousAxe(page);
    await screenshots(page, "ops-upload-invalid");

    await page.getByTestId("template-select").selectOption(saved.body.id); // open the list, choose
    clicks += 2;
    await page.getByTestId("template-apply").click();
    clicks++;
    await page.getByTestId("upload-status").getByText("Ready to publish").waitFor();
    expect(await page.getByTestId("detected-template").innerText()).toContain("Harbor day-first census");
    expect(await page.getByTestId("report-errors").locator("li").count()).toBe(0);

    await page.getByTestId("publish").click();
    clicks++;
    await page.getByTestId("published").waitFor();
    expect(clicks).toBe(6);
    expect(await page.getByTestId("upload-status").innerText()).toBe("Published");
    expect(await page.getByTestId("diff-hires").innerText()).toMatch(/^[1-9]\d*/); // the diff it brought, not 0

    const directory = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(directory.status).toBe(200);

    // the connection page tells the truth after the publish
    await page.reload();
    await page
      .getByTestId("connection-status")
      .getByText(/CONNECTED/i)
      .waitFor();
    const facts = await page.getByTestId("connection-facts").innerText();
    expect(facts).toMatch(/Access confirmed\s+\w{3} \d{1,2}, \d{4}/);
    expect(await page.getByTestId("connection-snapshots").innerText()).toContain(OPERATOR);
    expect(await page.getByTestId("connection-activity").innerText()).toContain(OPERATOR);
    await expectPlainWords(page);
    await screenshots(page, "ops-connection-connected");

    // reopened later, the published upload still shows what it changed (the stored diff, not one against itself)
    const uploadId = (await ops.call<{ uploads: { id: string }[] }>("GET", `/ops/api/connections/${conn.connection_id}`)).body.uploads[0]!
      .id;
    await page.goto(`${server.url}/ops/uploads/${uploadId}`);
    await page.getByTestId("upload-view").waitFor();
    expect(await page.getByTestId("upload-status").innerText()).toBe("Published");
    expect(Number(await page.getByTestId("diff-hires").locator(".stat-value").innerText())).toBeGreaterThan(0);
    await page.waitForFunction(() => document.title === "Harbor census.csv · Upload · Linnet Operations");
    await expectNoSeriousAxe(page);
    await expectPlainWords(page);
    await screenshots(page, "ops-upload-published");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the queue finds providers by name; a claimed task shows its assignee on the connection page", async () => {
    const adp = await connectEmployer(server.url, app, {
      customer_name: "Filter ADP Co",
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted" },
    });
    const paychex = await connectEmployer(server.url, app, {
      customer_name: "Filter Paychex Co",
      choice: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    const page = await browser.newPage();
    await page.goto(`${server.url}/ops`);
    await page.getByTestId("task-table").waitFor();
    await page.getByTestId("filter-provider").fill("adp");
    await page.getByTestId("filter-provider").press("Enter");
    await page.waitForURL(/provider=adp/);
    await page.getByTestId("task-table").getByText("Filter ADP Co").first().waitFor();
    // the table re-renders with the filtered list after the URL changes: wait for the other provider to leave it
    await page.getByTestId("task-table").getByText("Filter Paychex Co").first().waitFor({ state: "detached" });
    expect(await page.getByTestId("task-table").innerText()).not.toContain("Filter Paychex Co");

    const task = await orgTask(paychex.connection_id);
    await page.goto(`${server.url}/ops?provider=Paychex`);
    await page.getByTestId(`claim-${task.id}`).click();
    await page.getByTestId(`release-${task.id}`).waitFor();
    await page.getByTestId(`task-link-${task.id}`).click();
    await page.getByTestId("connection-title").waitFor();
    expect(await page.getByTestId("connection-tasks").innerText()).toContain(OPERATOR);
    expect(adp.connection_id).not.toBe(paychex.connection_id);
    await page.close();
  });

  it("an upload without a mapped employee id cannot be applied, and says why nothing is previewed", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Mapping Co",
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted" },
    });
    const page = await browser.newPage();
    await page.goto(`${server.url}/ops/connections/${conn.connection_id}`);
    await page.getByTestId("upload-file-org").setInputFiles(dayFirstCensus());
    await page.getByTestId("upload-view").waitFor();
    await page.getByTestId("map-source_id").selectOption("");
    expect(await page.getByTestId("mapping-missing").innerText()).toContain("Employee id");
    expect(await page.getByTestId("mapping-save").isDisabled()).toBe(true);
    await page.close();
  });

  it("pages name themselves, /favicon.ico is an icon, and the dashboard tells developers who did what in words", async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/x-icon"]);
    expect([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);

    const conn = await connectEmployer(server.url, app, {
      customer_name: "Dashboard Co",
      choice: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    await ops.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "processing", reason: "Invite accepted" },
    });
    const developer = await launchBrowser({ width: 1280, height: 800 });
    try {
      const page = await developer.newPage();
      const apps = await admin.call<{ data: { id: string; name: string }[] }>("GET", "/dashboard/api/applications");
      const appId = apps.body.data.find((a) => a.name === "First Hour App")!.id;
      await signIn(page, `${server.url}/dashboard/applications/${appId}`, "first-hour-admin@linnet.test");
      await page.getByTestId("employers-table").waitFor();
      await page.waitForFunction(() => document.title === "Employers · First Hour App · Linnet Dashboard");
      await expectNoSeriousAxe(page);
      await screenshots(page, "dashboard-employers");
      await page.getByTestId("employers-table").getByText("Harbor Dental").click();
      await page.getByTestId("connection-title").waitFor();
      await page.waitForFunction(() => document.title === "Harbor Dental · Employer · Linnet Dashboard");
      // CONNECTED: first data is here, so nothing says it is still expected
      expect(await page.getByTestId("status-card").innerText()).not.toContain("First data expected");
      const activity = await page.getByTestId("connection-activity").innerText();
      expect(activity).toContain("Linnet operations");
      expect(activity).not.toMatch(UUID);
      await expectPlainWords(page);
      await screenshots(page, "dashboard-connection");
    } finally {
      await developer.close();
    }
  });
});
