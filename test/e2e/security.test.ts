import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { demoCredentials } from "../../server/domain/applications/demo-credentials.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;

/** Every text and jsonb value in the public schema, as one string. */
async function dumpAllText(): Promise<string> {
  const db = server.linnet.deps.db;
  // PGlite and node-postgres type execute() differently; both return { rows }.
  const query = async <T>(q: ReturnType<typeof sql.raw>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const tables = await query<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public'`);
  let all = "";
  for (const { table_name } of tables) {
    const rows = await query<{ j: string }>(sql.raw(`select row_to_json(t)::text as j from "${table_name}" t`));
    all += rows.map((r) => r.j).join("\n");
  }
  return all;
}

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
});
afterAll(() => server.close());

describe("secrets at rest", () => {
  it("stores no client secret, access token or authorization code in clear", async () => {
    const conn = await connectEmployer(server.url, app, {
      choice: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
      manual: false,
    });
    const demo = await demoCredentials(server.linnet.deps);
    expect(demo).not.toBeNull();
    const all = await dumpAllText();
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of [app.client_secret, conn.access_token, conn.code, demo!.clientSecret, "good_pass"]) {
      expect(all).not.toContain(secret);
    }
    // the stored forms are the hashes, so the check above is not vacuous
    expect(all).toContain(app.client_id);
    expect(all).toContain(conn.connection_id);
  });

  it("stores SSNs and bank numbers encrypted, yet serves them decrypted", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "individual", "directory", "ssn"],
      choice: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    const published = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(3), {
      source: "test",
      retrievedAt: new Date(),
    });
    expect(published.ok).toBe(true);
    const all = await dumpAllText();
    for (const secret of ["123-45-1001", "123-45-1002", "9876543210", "021000021"]) expect(all).not.toContain(secret);
    expect(all).toContain("First1"); // the records are there, only the sensitive fields are sealed
    const company = await http(server.url, "GET", "/employer/company", { bearer: conn.access_token });
    expect(company.body).toMatchObject({ accounts: [{ account_number: "9876543210" }] });
  });

  it("signs status links so that a connection id alone is not enough", async () => {
    const conn = await connectEmployer(server.url, app, { choice: { provider_id: "paycom", auth_method: "assisted" } });
    const res = await fetch(`${server.url}/connect/api/status/${conn.connection_id}`);
    expect(res.status).toBe(404);
  });
});
