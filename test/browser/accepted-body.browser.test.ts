import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { createUser } from "../../server/domain/users/create-user.js";
import { launchBrowser } from "../support/browser.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The dashboard's "Answers while data is not ready" setting: chosen in the page, seen at once in the API's 202s. */
let server: TestServer;
let browser: BrowserContext;
let app: CreatedApplication;
let token = "";
const PASSWORD = "correct horse battery";
const shots = process.env.LINNET_SCREENSHOT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "linnet-shots-"));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1280, height: 800 });
  app = await server.createApp({ name: "Accepted Body App" });
  const dev = await createUser(server.linnet.deps, { email: "accepted-dev@linnet.test", password: PASSWORD, role: "developer" });
  if (!dev.ok) throw dev.error;
  await addApplicationMember(server.linnet.deps, { userId: dev.value.id, applicationId: app.client_id });
  token = (await connectEmployer(server.url, app, { choice: { provider_id: "ukg_pro", auth_method: "assisted", access_granted: false } }))
    .access_token;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("202 body setting in the dashboard", () => {
  it("switches this application's 202 answers between no body and the JSON body, and the text says which", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId("login-email").fill("accepted-dev@linnet.test");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("logout").waitFor(); // signed in (the session cookie is set) before navigating on
    await page.goto(`${server.url}/dashboard/applications/${app.client_id}`);
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("accepted-body").waitFor();
    expect(await page.getByTestId("accepted-body-current").innerText()).toBe("no body");
    expect(await page.getByTestId("accepted-body-default").isChecked()).toBe(true);
    expect((await http(server.url, "GET", "/employer/company", { bearer: token })).text).toBe("");

    await page.getByTestId("accepted-body-finch").check();
    await page.getByTestId("accepted-body-save").click();
    await page.getByText("Saved.").waitFor();
    expect(await page.getByTestId("accepted-body-current").innerText()).toBe("a JSON body");
    const res = await http(server.url, "GET", "/employer/company", { bearer: token });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ code: 202, finch_code: "pending" });

    await page.getByTestId("accepted-body").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "accepted-body-1280.png"), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("accepted-body").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "accepted-body-390.png"), fullPage: false });

    await page.reload();
    await page.getByTestId("accepted-body").waitFor();
    expect(await page.getByTestId("accepted-body-finch").isChecked()).toBe(true);
    await page.getByTestId("accepted-body-default").check();
    await page.getByTestId("accepted-body-save").click();
    await page.getByText("Saved.").waitFor();
    expect(await page.getByTestId("accepted-body-current").innerText()).toBe("no body");
    expect((await http(server.url, "GET", "/employer/company", { bearer: token })).text).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });
});
