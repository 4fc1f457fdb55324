import { PAY_STATEMENT_ITEM_CATEGORIES, type PayStatementItemCategory } from "../../../contracts/finch/pay-statement-items.js";
import { itemOccurrences, itemsRecorded, recordedItemOccurrences } from "../../db/repositories/pay-statement-items.repository.js";
import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import { RecordCache } from "../caches/record-cache.js";
import type { Deps } from "../deps.js";
import { type ActiveRule, applyItemRules, type ItemFacts } from "./item-rules.js";

/** One distinct item of a pay snapshot and every pay date it was paid on. */
interface ItemSummary {
  facts: ItemFacts;
  /** Distinct pay dates, ascending. */
  dates: string[];
  /** Seen on a payment without a pay date. */
  undated: boolean;
  /** The item's own `attributes.metadata` by pay date, ascending (rare: only some sources carry it). */
  metadata: { date: string; value: Record<string, unknown> }[];
}

/** The filters of `GET /employer/pay-statement-item`. */
export interface ItemQuery {
  /** Only these categories; empty = all. */
  categories: PayStatementItemCategory[];
  /** Case-insensitive partial match on the name. */
  name?: string;
  /** Case-insensitive exact match on `attributes.type`. */
  type?: string;
  /** Only items paid on or after this pay date (YYYY-MM-DD). */
  startDate?: string;
  /** Only items paid on or before this pay date (YYYY-MM-DD). */
  endDate?: string;
}

const bool = (text: string | null): boolean | null => (text === "true" ? true : text === "false" ? false : null);

// Snapshots never change, so a snapshot's item list is computed once per process (a few KB each).
const catalogs = new RecordCache<ItemSummary[]>(32 * 1024 * 1024);

/** Group the per-payment occurrences into distinct items (by category, name, type, pre_tax and employer). */
function summarize(rows: Awaited<ReturnType<typeof itemOccurrences>>): { value: ItemSummary[]; bytes: number } {
  const byKey = new Map<string, ItemSummary>();
  let bytes = 0;
  for (const r of rows) {
    const key = JSON.stringify([r.category, r.name, r.type, r.pre_tax, r.employer]);
    let item = byKey.get(key);
    if (!item) {
      const facts = {
        name: r.name,
        category: r.category as PayStatementItemCategory,
        type: r.type,
        pre_tax: bool(r.pre_tax),
        employer: bool(r.employer),
      };
      item = { facts, dates: [], undated: false, metadata: [] };
      byKey.set(key, item);
      bytes += key.length * 2 + 200;
    }
    if (r.pay_date === null) item.undated = true;
    else item.dates.push(r.pay_date);
    if (r.metadata !== null && r.pay_date !== null)
      item.metadata.push({ date: r.pay_date, value: JSON.parse(r.metadata) as Record<string, unknown> });
    bytes += 24 + (r.metadata?.length ?? 0) * 2;
  }
  const order = (c: string) => (PAY_STATEMENT_ITEM_CATEGORIES as readonly string[]).indexOf(c);
  const items = [...byKey.values()].sort(
    (a, b) => order(a.facts.category) - order(b.facts.category) || a.facts.name.localeCompare(b.facts.name),
  );
  for (const item of items) {
    item.dates = [...new Set(item.dates)].sort();
    item.metadata.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { value: items, bytes };
}

/**
 * The distinct items of a pay snapshot, read from the rows recorded at publish on first use and then kept. A pay
 * snapshot published before items were recorded has none: its items are computed from the statements in SQL.
 */
export function payStatementItemCatalog(deps: Pick<Deps, "db">, snapshotId: string): Promise<ItemSummary[]> {
  return catalogs.load(snapshotId, async () => {
    const recorded = await itemsRecorded(deps.db, snapshotId);
    return summarize(await (recorded ? recordedItemOccurrences(deps.db, snapshotId) : itemOccurrences(deps.db, snapshotId)));
  });
}

/** The latest pay date of an item within [start, end]; null when none (undated items match only without dates). */
function lastSeen(item: ItemSummary, start?: string, end?: string): string | null | undefined {
  for (let i = item.dates.length - 1; i >= 0; i--) {
    const d = item.dates[i]!;
    if (end !== undefined && d > end) continue;
    if (start !== undefined && d < start) return undefined;
    return d;
  }
  return start === undefined && end === undefined && item.undated ? null : undefined;
}

/**
 * `GET /employer/pay-statement-item` as served JSON: the snapshot's distinct items that match the filters and were
 * paid within the dates, each with its own metadata as last seen and the connection's rules applied at the item's
 * last pay date in the window.
 */
export async function readPayStatementItems(
  deps: Pick<Deps, "db">,
  snapshot: SnapshotRow,
  query: ItemQuery,
  rules: readonly ActiveRule[],
): Promise<string> {
  const items = await payStatementItemCatalog(deps, snapshot.id);
  const name = query.name?.toLowerCase();
  const type = query.type?.toLowerCase();
  const out: string[] = [];
  for (const item of items) {
    const f = item.facts;
    if (query.categories.length > 0 && !query.categories.includes(f.category)) continue;
    if (name !== undefined && !f.name.toLowerCase().includes(name)) continue;
    if (type !== undefined && f.type?.toLowerCase() !== type) continue;
    const date = lastSeen(item, query.startDate, query.endDate);
    if (date === undefined) continue;
    const own = date === null ? null : (item.metadata.findLast((m) => m.date <= date)?.value ?? null);
    const metadata = applyItemRules(rules, f, date, own);
    const attributes = {
      type: f.type,
      pre_tax: f.category === "employee_deductions" ? f.pre_tax : null,
      employer: f.category === "taxes" ? f.employer : null,
      metadata,
    };
    out.push(JSON.stringify({ name: f.name, category: f.category, attributes }));
  }
  return `{"responses":[${out.join(",")}]}`;
}
