import type { PayStatement } from "../../../contracts/finch/employer.js";
import { PAY_STATEMENT_ITEM_CATEGORIES } from "../../../contracts/finch/pay-statement-items.js";
import type { PayStatementItemInsert } from "../../db/repositories/pay-statement-items.repository.js";

/** A JSON value as PostgreSQL's `->>` gives it: strings as they are, JSON null or missing as null. */
function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const utf8 = (s: string) => Buffer.from(s, "utf8");

/** jsonb's key order: shorter keys (in UTF-8 bytes) first, then bytewise. */
function jsonbKeyOrder(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  return x.length - y.length || Buffer.compare(x, y);
}

/** A JSON value with its object keys in jsonb's order, so it parses to the same object as the jsonb text would. */
function jsonbOrdered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsonbOrdered);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(jsonbKeyOrder)) {
    const value = (v as Record<string, unknown>)[k];
    if (value !== undefined) out[k] = jsonbOrdered(value);
  }
  return out;
}

/** The item's own `attributes.metadata` as JSON text when it is an object (rare: only some sources carry it). */
function metadataOf(e: Record<string, unknown>): string | null {
  const attributes = e.attributes;
  if (attributes === null || typeof attributes !== "object") return null;
  const metadata = (attributes as Record<string, unknown>).metadata;
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  return JSON.stringify(jsonbOrdered(metadata));
}

/**
 * Collects the distinct pay statement items of each payment as a pay publish streams its statements past, giving
 * the same rows as computing them from the stored JSON (`itemOccurrences`): an item is keyed by category, name,
 * type, pre_tax (employee deductions) and employer (taxes); items without a string name are left out. When several
 * statements of one payment carry different metadata for an item, the greatest JSON text wins.
 */
export class PayItemCollector {
  private readonly rows: PayStatementItemInsert[] = [];
  /** The current payment's items per category (in PAY_STATEMENT_ITEM_CATEGORIES order), by name: no key strings to build. */
  private current = PAY_STATEMENT_ITEM_CATEGORIES.map(() => new Map<string, PayStatementItemInsert[]>());

  constructor(private readonly snapshotId: string) {}

  /** Add the items of one statement of the current payment. */
  addStatement(statement: PayStatement): void {
    for (let c = 0; c < PAY_STATEMENT_ITEM_CATEGORIES.length; c++) {
      const category = PAY_STATEMENT_ITEM_CATEGORIES[c]!;
      const byName = this.current[c]!;
      const list = (statement as unknown as Record<string, unknown>)[category];
      if (!Array.isArray(list)) continue;
      for (const e of list as unknown[]) {
        if (e === null || typeof e !== "object") continue;
        const item = e as Record<string, unknown>;
        const name = item.name;
        if (typeof name !== "string") continue;
        const type = textOf(item.type);
        const preTax = category === "employee_deductions" ? textOf(item.pre_tax) : null;
        const employer = category === "taxes" ? textOf(item.employer) : null;
        const metadata = item.attributes === undefined ? null : metadataOf(item);
        let variants = byName.get(name);
        if (!variants) {
          variants = [];
          byName.set(name, variants);
        }
        const row = variants.find((r) => r.type === type && r.preTax === preTax && r.employer === employer);
        if (!row) {
          variants.push({ snapshotId: this.snapshotId, paymentId: "", payDate: null, category, name, type, preTax, employer, metadata });
        } else if (metadata !== null && (row.metadata === null || row.metadata === undefined || metadata > row.metadata)) {
          row.metadata = metadata;
        }
      }
    }
  }

  /** Close the current payment: its items become rows of `paymentId` paid on `payDate`. */
  endPayment(paymentId: string, payDate: string | null): void {
    for (const byName of this.current) {
      for (const variants of byName.values()) for (const row of variants) this.rows.push({ ...row, paymentId, payDate });
      byName.clear();
    }
  }

  /** The item rows of every closed payment. */
  collected(): PayStatementItemInsert[] {
    return this.rows;
  }
}
