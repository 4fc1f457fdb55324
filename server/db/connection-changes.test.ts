import { describe, expect, it } from "vitest";
import type { Db } from "./client.js";
import { connectionChanged, onConnectionsCommitted, transactionWithChanges } from "./connection-changes.js";

/** A stand-in database whose transactions (and savepoints) hand `fn` a fresh handle, as Drizzle does. */
function fakeDb(): Db {
  const make = (): unknown => ({ transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn(make()) });
  return make() as Db;
}

describe("connection changes", () => {
  it("reports an autocommit write at once, and a transaction's writes once, after it commits", async () => {
    const db = fakeDb();
    const seen: string[][] = [];
    onConnectionsCommitted(db, (ids) => seen.push(ids));
    connectionChanged(db, "a");
    expect(seen).toEqual([["a"]]);
    await transactionWithChanges(db, async (tx) => {
      connectionChanged(tx, "b");
      connectionChanged(tx, "b", "c");
      expect(seen).toHaveLength(1); // nothing before COMMIT
    });
    expect(seen).toEqual([["a"], ["b", "c"]]);
  });

  it("hands a nested transaction's changes to the outer one, and drops them on rollback", async () => {
    const db = fakeDb();
    const seen: string[][] = [];
    onConnectionsCommitted(db, (ids) => seen.push(ids));
    await transactionWithChanges(db, async (tx) => {
      await transactionWithChanges(tx, async (inner) => connectionChanged(inner, "x"));
      expect(seen).toEqual([]); // the savepoint was released, the transaction is still open
    });
    expect(seen).toEqual([["x"]]);
    await expect(
      transactionWithChanges(db, async (tx) => {
        connectionChanged(tx, "y");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(seen).toEqual([["x"]]);
  });
});
