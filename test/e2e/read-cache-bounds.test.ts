import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import { SnapshotReader } from "../../server/domain/caches/snapshot-reader.js";
import { readPeopleBytes } from "../../server/domain/employer/read-people.js";
import { http as call } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * People batches from a company too large for the read cache: the reader then fetches just the requested ids with
 * one query instead of reading the whole snapshot per request. The answer must be the same bytes either way, so the
 * same requests go through the server's reader and through one whose cache keeps nothing.
 */
let server: TestServer;
let snapshotId = "";
let ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const app = await server.createApp({ clientType: "sandbox" });
  const token = (
    await call<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_hris", employee_size: 8, products: ["directory", "individual", "employment", "ssn"] },
    })
  ).body.access_token;
  const dir = await call<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: token });
  ids = dir.body.individuals.map((p) => p.id);
  const introspect = await call<{ connection_id: string }>(server.url, "GET", "/introspect", { bearer: token });
  snapshotId = (await findConnection(server.linnet.deps.db, introspect.body.connection_id))!.orgSnapshotId!;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("people batches beyond the read cache", () => {
  it("answer the same bytes from a reader that can keep nothing (ids fetched per request)", async () => {
    const deps = server.linnet.deps;
    const tiny = { db: deps.db, cipher: deps.cipher, reader: new SnapshotReader(0) };
    const usual = { db: deps.db, cipher: deps.cipher, reader: deps.reader };
    const snapshot = { id: snapshotId };
    const missing = "00000000-0000-4000-8000-000000000000";
    const requests: { kind: "individual" | "employment"; ids: string[]; ssn: boolean }[] = [
      { kind: "individual", ids: [...ids].reverse(), ssn: false },
      { kind: "individual", ids: [ids[2]!, missing, ids[2]!, ids[0]!], ssn: false }, // unknown and repeated ids
      { kind: "individual", ids: ids.slice(0, 3), ssn: true },
      { kind: "employment", ids: [ids[1]!, missing, ids[3]!], ssn: false },
    ];
    for (const r of requests) {
      for (let round = 0; round < 2; round++) {
        // the first round finds the kind too large and remembers it; the second takes the per-id query
        const bounded = await readPeopleBytes(tiny, snapshot, r.kind, r.ids, r.ssn);
        const cached = await readPeopleBytes(usual, snapshot, r.kind, r.ids, r.ssn);
        expect(bounded.toString("utf8")).toBe(cached.toString("utf8"));
      }
    }
    const answer = JSON.parse((await readPeopleBytes(tiny, snapshot, "individual", [ids[1]!, missing], false)).toString("utf8")) as {
      responses: { individual_id: string; code: number }[];
    };
    expect(answer.responses.map((e) => [e.individual_id, e.code])).toEqual([
      [ids[1], 200],
      [missing, 404],
    ]);
  });
});
