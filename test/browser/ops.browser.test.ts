import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../server/domain/users/create-user.js";
import { launchBrowser } from "../support/browser.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The operations console in Chromium: from PENDING to CONNECTED with a real export file. */
let server: TestServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const created = await createUser(server.linnet.deps, {
    email: "operator@linnet.test",
    password: "correct horse battery",
    role: "operator",
  });
  if (!created.ok) throw created.error;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The ADP census export with its dates written day-first, as some exports are: the template's date format is wrong for it. */
function dayFirstCensus(): string {
  const original = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url), "utf8");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "linnet-ops-")), "ADP census export.csv");
  fs.writeFileSync(file, original.replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, "$2/$1/$3"));
  return file;
}

describe("operations console", () => {
  it("an operator signs in, claims the task, uploads a census file, fixes the mapping, publishes; the app then gets data", async () => {
    const app = await server.createApp({ name: "Acme Benefits" });
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    expect((await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token })).status).toBe(202);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/ops`);
    await page.getByTestId("login-email").fill("operator@linnet.test");
    await page.getByTestId("login-password").fill("wrong password");
    await page.getByTestId("login-submit").click();
    await page.getByRole("alert").waitFor();
    await page.getByTestId("login-password").fill("correct horse battery");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("task-table").waitFor();

    const taskId = (await page.locator("[data-testid^='task-row-']").first().getAttribute("data-testid"))!.replace("task-row-", "");
    await page.getByTestId(`claim-${taskId}`).click();
    await page.getByTestId(`release-${taskId}`).waitFor();
    await page.getByTestId(`task-link-${taskId}`).click();
    await page.getByTestId("connection-title").waitFor();
    expect((await page.getByTestId("invite-email").innerText()).replace(/\s/g, "")).toMatch(/^assist\+[0-9a-f]{10}@linnet\.local$/);

    await page.getByTestId("upload-file-org").setInputFiles(dayFirstCensus());
    await page.getByTestId("upload-view").waitFor();
    await page.getByTestId("report-errors").locator("li").first().waitFor();
    expect(await page.getByTestId("publish").isDisabled()).toBe(true);

    await page.getByTestId("mapping-date-format").selectOption("DD/MM/YYYY");
    await page.getByTestId("mapping-save").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid='report-errors'] li").length === 0);
    await page.getByTestId("retrieved-at").fill("2026-11-20T09:30");
    await page.getByTestId("publish").click();
    await page.getByTestId("published").waitFor();

    const dir = await http<{ paging: { count: number } }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(dir.status).toBe(200);
    expect(dir.headers.get("finch-data-retrieved")).toMatch(/^2026-11-20T\d{2}:30:00\.000Z$/);
    expect(dir.body.paging.count).toBeGreaterThan(5);
    const people = await http<{ responses: { body: { dob: string } }[] }>(server.url, "POST", "/employer/individual", {
      bearer: conn.access_token,
      body: {
        requests: [
          {
            individual_id: (
              await http<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token })
            ).body.individuals[0]!.id,
          },
        ],
      },
    });
    expect(people.body.responses[0]!.body.dob).toBe("1971-07-22"); // read day-first, as fixed

    await page.goto(`${server.url}/ops/connections/${conn.connection_id}`);
    await page.getByTestId("connection-status").waitFor();
    expect(await page.getByTestId("connection-status").innerText()).toMatch(/CONNECTED/i);
    expect(await page.getByTestId("connection-tasks").innerText()).toMatch(/refresh/i); // the weekly refresh appeared by itself
    expect(await page.getByTestId("last-attempt-org").innerText()).toMatch(/pulled/);

    // the next week's pull fails: the operator says so, and apps see it while the data stays served
    await page.getByTestId("pull-failure-open").click();
    await page.getByTestId("pull-failure-reason").fill("The export came back empty");
    await page.getByTestId("pull-failure-submit").click();
    await page
      .getByTestId("last-attempt-org")
      .getByText(/failed/)
      .waitFor();
    expect(await page.getByTestId("connection-activity").innerText()).toContain(
      "Could not pull organization data: The export came back empty",
    );
    const after = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect([after.status, after.headers.get("finch-last-attempted-update-result")]).toEqual([200, "error"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
