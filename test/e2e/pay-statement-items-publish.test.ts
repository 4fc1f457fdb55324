import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentInput } from "../../contracts/linnet/snapshot-input.js";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { publishPaySnapshot } from "../../server/commands/publish-pay.js";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import {
  type ItemOccurrenceRow,
  itemOccurrences,
  itemsRecorded,
  recordedItemOccurrences,
} from "../../server/db/repositories/pay-statement-items.repository.js";
import { orgInput, payment } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The pay statement items recorded with each pay snapshot: replace and merge publishes, and older snapshots. */
let server: TestServer;
const meta = { source: "test", retrievedAt: new Date("2026-02-01T00:00:00.000Z") };
const group = {
  source_id: "G1",
  name: "Salaried",
  pay_frequencies: ["bi_weekly" as const],
  individual_source_ids: ["E0001", "E0002", "E0003"],
};

interface Item {
  name: string;
  category: string;
  attributes: { type: string | null; pre_tax: boolean | null; employer: boolean | null; metadata: Record<string, unknown> | null };
}

/** A payment whose first statement also carries a one-off earning (with its own metadata, keys out of order). */
function paymentWith(sourceId: string, payDate: string, earning: string): PaymentInput {
  const p = payment(sourceId, payDate, ["E0001", "E0002"]);
  const first = p.pay_statements[0]!;
  const extra = {
    type: "bonus",
    name: earning,
    amount: 5_000,
    currency: "usd",
    hours: null,
    attributes: { metadata: { zeta: 1, a: { bb: [1, { y: 2, x: 1 }], c: true } } },
  };
  first.earnings = [...(first.earnings ?? []), extra as unknown as NonNullable<typeof first.earnings>[number]];
  return p;
}

async function connect(): Promise<{ token: string; connectionId: string }> {
  const app = await server.createApp({ name: `Items ${Math.random()}` });
  const conn = await connectEmployer(server.url, app, {
    products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });
  const org = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(3), meta);
  expect(org.ok).toBe(true);
  return { token: conn.access_token, connectionId: conn.connection_id };
}

async function publish(connectionId: string, payments: PaymentInput[], mode: "replace" | "merge"): Promise<string> {
  const published = await publishPaySnapshot(
    server.linnet.deps,
    connectionId,
    { pay_groups: mode === "merge" ? [] : [group], payments, mode },
    meta,
  );
  if (!published.ok) throw published.error;
  return published.value.snapshot_id;
}

async function items(token: string, query = ""): Promise<{ text: string; items: Item[] }> {
  const res = await http<{ responses: Item[] }>(server.url, "GET", `/employer/pay-statement-item${query}`, { bearer: token });
  expect(res.status).toBe(200);
  return { text: res.text, items: res.body.responses };
}
const names = (list: Item[]) => list.map((i) => i.name).sort();

/** Occurrence rows in a comparable form (metadata as parsed JSON, in a stable order). */
const comparable = (rows: ItemOccurrenceRow[]) =>
  rows.map((r) => JSON.stringify({ ...r, metadata: r.metadata === null ? null : JSON.parse(r.metadata) })).sort();

/** The rows recorded at publish equal what the statements' JSON gives on demand (the pre-migration path). */
async function expectRecordedMatchesStatements(snapshotId: string): Promise<void> {
  const db = server.linnet.deps.db;
  expect(await itemsRecorded(db, snapshotId)).toBe(true);
  const recorded = await recordedItemOccurrences(db, snapshotId);
  expect(recorded.length).toBeGreaterThan(0);
  expect(comparable(recorded)).toEqual(comparable(await itemOccurrences(db, snapshotId)));
  const metadata = recorded.find((r) => r.metadata !== null)?.metadata;
  if (metadata)
    expect(Object.keys(JSON.parse(metadata))).toEqual(
      Object.keys(JSON.parse((await itemOccurrences(db, snapshotId)).find((r) => r.metadata !== null)!.metadata!)),
    );
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("items recorded with the pay snapshot", () => {
  it("a replace publish records exactly its own items: an item of a payment left out disappears", async () => {
    const { token, connectionId } = await connect();
    const first = await publish(
      connectionId,
      [payment("P1", "2026-01-09", ["E0001", "E0002"]), paymentWith("P2", "2026-01-23", "Signing bonus")],
      "replace",
    );
    await expectRecordedMatchesStatements(first);
    const before = await items(token);
    expect(names(before.items)).toEqual(["401k", "Federal income tax", "Salary", "Signing bonus"]);
    expect(before.items.find((i) => i.name === "Signing bonus")?.attributes).toEqual({
      type: "bonus",
      pre_tax: null,
      employer: null,
      metadata: { zeta: 1, a: { bb: [1, { y: 2, x: 1 }], c: true } },
    });
    expect(names((await items(token, "?end_date=2026-01-10")).items)).toEqual(["401k", "Federal income tax", "Salary"]);

    const second = await publish(connectionId, [payment("P1", "2026-01-09", ["E0001"]), payment("P3", "2026-02-06", ["E0003"])], "replace");
    await expectRecordedMatchesStatements(second);
    expect(names((await items(token)).items)).toEqual(["401k", "Federal income tax", "Salary"]);
    expect(names((await items(token, "?start_date=2026-01-10&end_date=2026-01-31")).items)).toEqual([]);
    expect(names((await items(token, "?start_date=2026-02-06")).items)).toEqual(["401k", "Federal income tax", "Salary"]);
  });

  it("a merge publish carries the earlier payments' items forward, and a replaced payment's item disappears", async () => {
    const { token, connectionId } = await connect();
    await publish(
      connectionId,
      [payment("P1", "2026-01-09", ["E0001", "E0002"]), paymentWith("P2", "2026-01-23", "Signing bonus")],
      "replace",
    );
    // merge: a new payment with a new item; the earlier payments (and their items) are kept
    const added = await publish(connectionId, [paymentWith("P3", "2026-02-06", "Commission")], "merge");
    await expectRecordedMatchesStatements(added);
    expect(names((await items(token)).items)).toEqual(["401k", "Commission", "Federal income tax", "Salary", "Signing bonus"]);
    expect(names((await items(token, "?start_date=2026-01-20&end_date=2026-01-31")).items)).toEqual([
      "401k",
      "Federal income tax",
      "Salary",
      "Signing bonus",
    ]);

    // merge: P2 replaced by a version without the bonus: the bonus appears nowhere else, so it is gone
    const replaced = await publish(connectionId, [payment("P2", "2026-01-23", ["E0002"])], "merge");
    await expectRecordedMatchesStatements(replaced);
    const after = await items(token);
    expect(names(after.items)).toEqual(["401k", "Commission", "Federal income tax", "Salary"]);
    expect(names((await items(token, "?start_date=2026-01-20&end_date=2026-01-31")).items)).toEqual([
      "401k",
      "Federal income tax",
      "Salary",
    ]);
    // P3's items still carry P3's pay date after two merges
    expect(names((await items(token, "?start_date=2026-02-01")).items)).toEqual(["401k", "Commission", "Federal income tax", "Salary"]);
  });

  it("a snapshot published before items were recorded is read from its statements, and a merge onto it records them", async () => {
    const { token, connectionId } = await connect();
    const legacy = await publish(
      connectionId,
      [payment("P1", "2026-01-09", ["E0001"]), paymentWith("P2", "2026-01-23", "Signing bonus")],
      "replace",
    );
    // as the database was before the migration: no item rows (the snapshot has not been read yet, so nothing is cached)
    const db = server.linnet.deps.db;
    await db.execute(sql`delete from pay_statement_items where snapshot_id = ${legacy}`);
    await db.execute(sql`delete from pay_statement_item_sets where snapshot_id = ${legacy}`);
    expect(await itemsRecorded(db, legacy)).toBe(false);
    const fromStatements = await items(token);
    expect(names(fromStatements.items)).toEqual(["401k", "Federal income tax", "Salary", "Signing bonus"]);

    const merged = await publish(connectionId, [paymentWith("P3", "2026-02-06", "Commission")], "merge");
    expect((await findConnection(db, connectionId))?.paySnapshotId).toBe(merged);
    await expectRecordedMatchesStatements(merged);
    expect(names((await items(token)).items)).toEqual(["401k", "Commission", "Federal income tax", "Salary", "Signing bonus"]);
  });

  it("serves the same bytes from the recorded items as from the statements", async () => {
    const { token, connectionId } = await connect();
    await publish(connectionId, [payment("P1", "2026-01-09", ["E0001"]), paymentWith("P2", "2026-01-23", "Signing bonus")], "replace");
    const recorded = await items(token);
    const again = await publish(
      connectionId,
      [payment("P1", "2026-01-09", ["E0001"]), paymentWith("P2", "2026-01-23", "Signing bonus")],
      "replace",
    );
    const db = server.linnet.deps.db;
    await db.execute(sql`delete from pay_statement_item_sets where snapshot_id = ${again}`);
    const fromStatements = await items(token);
    expect(fromStatements.text).toBe(recorded.text);
    expect(recorded.text).toContain('"metadata":{"a":{"c":true,"bb":[1,{"x":1,"y":2}]},"zeta":1}');
  });
});
