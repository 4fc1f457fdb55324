import Finch from "@tryfinch/finch-api";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { publishPaySnapshot } from "../../server/commands/publish-pay.js";
import { listEventsOfConnection } from "../../server/db/repositories/events.repository.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { createUser } from "../../server/domain/users/create-user.js";
import { launchBrowser } from "../support/browser.js";
import { orgInput, payment } from "../support/fixtures.js";
import { connectEmployer } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The assisted write path end to end: the app writes through the SDK, an operator carries it out in the console, Linnet verifies it in the next payroll. */
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

/** Open a manual job in the console, start it and record the prefilled per-item results. */
async function completeInConsole(page: Page, jobId: string, expectText: string[]): Promise<void> {
  await page.goto(`${server.url}/ops/manual-jobs/${jobId}`);
  await page.getByTestId("job-detail").waitFor();
  const request = await page.getByTestId("job-request").innerText();
  for (const text of expectText) expect(request).toContain(text);
  await page.getByTestId("job-start").click();
  await page.getByTestId("job-completion").waitFor();
  await page.getByTestId("job-complete").click();
  await page.waitForFunction(() => document.querySelector("[data-testid='job-status']")?.textContent?.toLowerCase().includes("complete"));
}

describe("assisted deductions", () => {
  it("SDK write → manual job pending → operator completes in Chromium → job complete, event, verified after the next pay publish", async () => {
    const app = await server.createApp({ name: "Acme 401k" });
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    const finch = new Finch({ baseURL: server.url, accessToken: conn.access_token, maxRetries: 0 });
    const org = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(3), {
      source: "test",
      retrievedAt: new Date("2026-01-02T00:00:00.000Z"),
    });
    expect(org.ok).toBe(true);
    const people = [];
    for await (const p of finch.hris.directory.list()) people.push(p);
    const person = people[1]!;

    // The app registers the employer's existing 401(k) and enrolls a person; both become manual jobs due in 2 business days.
    const registered = await finch.hris.benefits.register({ type: "401k", description: "401k", frequency: "every_paycheck" });
    const pending = await finch.jobs.manual.retrieve(registered.job_id);
    expect(pending.status).toBe("pending");
    const enroll = await finch.hris.benefits.individuals.enrollMany(registered.benefit_id, {
      individuals: [
        {
          individual_id: person.id,
          configuration: { employee_deduction: { type: "fixed", amount: 10_000 }, effective_date: "2026-01-01" },
        },
      ],
    });
    expect((await finch.jobs.manual.retrieve(enroll.job_id)).status).toBe("pending");

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/ops`);
    await page.getByTestId("login-email").fill("operator@linnet.test");
    await page.getByTestId("login-password").fill("correct horse battery");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("task-table").waitFor();

    await completeInConsole(page, registered.job_id, ["401k", "ADP Workforce Now"]);
    expect((await finch.hris.benefits.retrieve(registered.benefit_id)).description).toBe("401k");

    await page.goto(`${server.url}/ops/manual-jobs/${enroll.job_id}`);
    await page.getByTestId("job-detail").waitFor();
    await page.getByTestId("job-start").click();
    await page.getByTestId("job-completion").waitFor();
    expect((await finch.jobs.manual.retrieve(enroll.job_id)).status).toBe("in_progress");
    await completeInConsoleAfterStart(page, [person.first_name ?? "", "$100.00 per paycheck", person.id]);

    const done = await finch.jobs.manual.retrieve(enroll.job_id);
    expect(done.status).toBe("complete");
    expect(done.body).toEqual([{ individual_id: person.id, code: 201, message: "Successfully enrolled individual in benefit" }]);
    expect((done as unknown as { linnet_verification: { state: string } }).linnet_verification.state).toBe("pending");
    expect((await finch.hris.benefits.individuals.enrolledIDs(registered.benefit_id)).individual_ids).toEqual([person.id]);
    const events = await listEventsOfConnection(server.linnet.deps.db, conn.connection_id);
    const completed = events.find((e) => e.type === "job.benefit_enroll.completed");
    expect(completed?.payload).toMatchObject({ job_id: enroll.job_id, job_url: `${server.url}/jobs/manual/${enroll.job_id}` });
    expect(events.some((e) => e.type === "job.benefit_register.completed")).toBe(true);

    // A payroll without the person: not yet visible. The next one shows the $100 deduction: verified.
    const group = {
      source_id: "G1",
      name: "Salaried",
      pay_frequencies: ["bi_weekly" as const],
      individual_source_ids: ["E0001", "E0002", "E0003"],
    };
    const meta = { source: "test", retrievedAt: new Date("2026-01-20T00:00:00.000Z") };
    await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: [group], payments: [payment("P1", "2026-01-09", ["E0001"])] },
      meta,
    );
    const early = (await finch.jobs.manual.retrieve(enroll.job_id)) as unknown as {
      linnet_verification: { state: string; details: { message: string }[] };
    };
    expect(early.linnet_verification.state).toBe("not_yet_visible");
    await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: [group], payments: [payment("P2", "2026-01-23", ["E0001", "E0002"])] },
      meta,
    );
    const verified = (await finch.jobs.manual.retrieve(enroll.job_id)) as unknown as {
      linnet_verification: { state: string; details: { expected: number; found: number }[] };
    };
    expect(verified.linnet_verification.state).toBe("verified");
    expect(verified.linnet_verification.details[0]).toMatchObject({ expected: 10_000, found: 10_000 });

    await page.reload();
    await page.getByTestId("manual-jobs-filter").selectOption("complete"); // the default list shows open jobs only
    await page.getByTestId("job-verification").waitFor();
    expect(await page.getByTestId("job-verification-state").getAttribute("data-state")).toBe("verified");
    expect(errors).toEqual([]);
    await page.close();

    // The app's developer sees the same in the developer dashboard's connection page.
    const developer = await createUser(server.linnet.deps, {
      email: "dev@acme.test",
      password: "correct horse battery",
      role: "developer",
    });
    if (!developer.ok) throw developer.error;
    await addApplicationMember(server.linnet.deps, { userId: developer.value.id, applicationId: app.client_id });
    await browser.clearCookies();
    const dashboard = await browser.newPage();
    await dashboard.goto(`${server.url}/dashboard/applications/${app.client_id}/connections/${conn.connection_id}`);
    await dashboard.getByTestId("login-email").fill("dev@acme.test");
    await dashboard.getByTestId("login-password").fill("correct horse battery");
    await dashboard.getByTestId("login-submit").click();
    await dashboard.getByTestId("deduction-jobs").waitFor();
    const cell = dashboard.getByTestId(`deduction-verification-${enroll.job_id}`);
    expect(await cell.getAttribute("data-state")).toBe("verified");
    expect(await cell.innerText()).toBe("Seen in payroll");
    expect(await dashboard.getByTestId(`deduction-job-${registered.job_id}`).innerText()).toContain("Operations team");
    await dashboard.close();
  });
});

/** Record the prefilled results of a started job, after checking what it tells the operator to enter. */
async function completeInConsoleAfterStart(page: Page, expectText: string[]): Promise<void> {
  const request = await page.getByTestId("job-request").innerText();
  for (const text of expectText) expect(request).toContain(text);
  await page.getByTestId("job-complete").click();
  await page.waitForFunction(() => document.querySelector("[data-testid='job-status']")?.textContent?.toLowerCase().includes("complete"));
}
