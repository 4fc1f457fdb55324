import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadView } from "../../contracts/linnet/ops.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { UPLOAD_WORK } from "../../server/domain/ops/upload-cache.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** An upload's file is parsed once and analysed once per mapping between its upload and its publish (issue 12). */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
const census = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url));

async function upload(connectionId: string) {
  const created = await http<UploadView>(
    server.url,
    "POST",
    `/ops/api/connections/${connectionId}/uploads?group=org&file_name=census.csv`,
    {
      raw: census as unknown as string,
      headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
    },
  );
  expect(created.status).toBe(201);
  return created.body;
}

/** Parses and analyses done by the server since `before`. */
function workSince(before: { parses: number; analyses: number }) {
  const now = server.linnet.deps.own.of(UPLOAD_WORK).work();
  return { parses: now.parses - before.parses, analyses: now.analyses - before.analyses };
}

async function assistedConnection() {
  return connectEmployer(server.url, app, {
    products: ["company", "directory", "individual", "employment"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  ops = await signInConsole(server, "ops@linnet.test", "operator");
});
afterAll(() => server.close());

describe("an upload's file is read once", () => {
  it("create → view → set mapping → view → same mapping again → publish: one parse, one analysis per mapping", async () => {
    const conn = await assistedConnection();
    const before = server.linnet.deps.own.of(UPLOAD_WORK).work();
    const created = await upload(conn.connection_id);
    expect([created.status, created.report?.ok]).toEqual(["valid", true]);
    expect(workSince(before)).toEqual({ parses: 1, analyses: 1 });

    const viewed = await ops.call<UploadView>("GET", `/ops/api/uploads/${created.id}`);
    expect([viewed.status, viewed.body.status, viewed.body.row_count, viewed.body.diff]).toEqual([
      200,
      "valid",
      created.row_count,
      created.diff,
    ]);
    expect(workSince(before)).toEqual({ parses: 1, analyses: 1 });

    // a changed mapping (no title column) is analysed once; the view after it reuses that analysis
    const mapping = { ...created.mapping!, columns: { ...created.mapping!.columns } };
    delete mapping.columns.title;
    const remapped = await ops.call<UploadView>("PUT", `/ops/api/uploads/${created.id}/mapping`, { body: { mapping } });
    expect(remapped.status).toBe(200);
    expect(remapped.body.preview.every((p) => p.title === null)).toBe(true);
    expect(remapped.body.report?.warnings.some((w) => w.code === "missing_optional_field" && w.field === "title")).toBe(true);
    expect(workSince(before)).toEqual({ parses: 1, analyses: 2 });
    const viewedAgain = await ops.call<UploadView>("GET", `/ops/api/uploads/${created.id}`);
    expect(viewedAgain.body.report).toEqual(remapped.body.report);
    expect(viewedAgain.body.preview).toEqual(remapped.body.preview);
    expect(workSince(before)).toEqual({ parses: 1, analyses: 2 });

    // the same mapping once more (its keys in another order): nothing new to analyse
    const reordered = Object.fromEntries(Object.entries(mapping).reverse());
    expect((await ops.call<UploadView>("PUT", `/ops/api/uploads/${created.id}/mapping`, { body: { mapping: reordered } })).status).toBe(
      200,
    );
    expect(workSince(before)).toEqual({ parses: 1, analyses: 2 });

    const published = await ops.call<UploadView>("POST", `/ops/api/uploads/${created.id}/publish`, { body: {} });
    expect([published.status, published.body.status]).toEqual([200, "published"]);
    expect(published.body.preview).toEqual(remapped.body.preview);
    const directory = await http<{ individuals: unknown[] }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(directory.body.individuals.length).toBe(created.row_count);
    expect((await ops.call<UploadView>("GET", `/ops/api/uploads/${created.id}`)).body.status).toBe("published");
    expect(workSince(before)).toEqual({ parses: 1, analyses: 2 });
  });

  it("analyses an open upload again when the connection's data changed meanwhile (another file was published)", async () => {
    const conn = await assistedConnection();
    const before = server.linnet.deps.own.of(UPLOAD_WORK).work();
    const first = await upload(conn.connection_id);
    const second = await upload(conn.connection_id);
    expect((second.diff as { counts: { hires: number } }).counts.hires).toBe(second.row_count);
    expect((await ops.call("POST", `/ops/api/uploads/${first.id}/publish`, { body: {} })).status).toBe(200);
    expect(workSince(before)).toEqual({ parses: 2, analyses: 2 });

    // compared with the data just published: nobody is new any more
    const viewed = await ops.call<UploadView>("GET", `/ops/api/uploads/${second.id}`);
    expect((viewed.body.diff as { counts: { hires: number; unchanged: number } }).counts).toMatchObject({
      hires: 0,
      unchanged: second.row_count,
    });
    expect(workSince(before)).toEqual({ parses: 2, analyses: 3 });
    expect((await ops.call<UploadView>("GET", `/ops/api/uploads/${second.id}`)).body.diff).toEqual(viewed.body.diff);
    expect(workSince(before)).toEqual({ parses: 2, analyses: 3 });
  });
});
