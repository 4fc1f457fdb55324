import type { Payment, PayStatement } from "../../../contracts/finch/employer.js";
import type { LedgerItemsData } from "../../../contracts/finch/ledger-items.js";
import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";
import type { Deps } from "../deps.js";
import { LedgerBook } from "./ledger-lines.js";

type ReaderDeps = Pick<Deps, "db"> & { reader: SnapshotReader };

/** Ledger batches: at most 10 payments per request, like pay statements. */
export const LEDGER_BATCH_LIMIT = 10;
/** Most statements of one payment read into its ledger (far above any payroll run). */
const MAX_STATEMENTS = 1_000_000;

/** One requested page of a payment's ledger lines; no limit means every line. */
export interface LedgerRequest {
  payment_id: string;
  offset: number;
  limit?: number | undefined;
}

/** The general ledger of one payment, synthesized from its pay statements (every line; paging is the caller's). */
export async function paymentLedger(deps: ReaderDeps, snapshot: SnapshotRow, payment: Payment): Promise<Omit<LedgerItemsData, "paging">> {
  const page = await deps.reader.childPage(deps.db, snapshot.id, "pay_statement", payment.id, 0, MAX_STATEMENTS);
  const book = new LedgerBook();
  book.currency = payment.gross_pay?.currency ?? "usd";
  for (const json of page.items) book.postStatement(JSON.parse(json) as PayStatement);
  const ledger_items = book.entries();
  const { debit, credit } = book.sums();
  return {
    source: "synthesized",
    provider_description: null,
    pay_date: payment.pay_date ?? payment.debit_date ?? "",
    totals: {
      debit: { amount: debit, currency: book.currency },
      credit: { amount: credit, currency: book.currency },
      balanced: debit === credit,
    },
    ledger_items,
  };
}

/** The batch answer of `POST /employer/ledger-items` as JSON; an unknown payment answers 404 in its element. */
export async function readLedgerItems(deps: ReaderDeps, snapshot: SnapshotRow, requests: LedgerRequest[]): Promise<string> {
  const payments = await deps.reader.kind(deps.db, snapshot.id, "payment");
  const responses = await Promise.all(
    requests.map(async (req) => {
      const row = payments.byId.get(req.payment_id);
      if (!row) {
        const body = {
          code: 404,
          finch_code: "payment_not_found",
          name: "not_found_error",
          message: `No payment with id ${req.payment_id} found`,
        };
        return { payment_id: req.payment_id, code: 404, body };
      }
      const { ledger_items, ...ledger } = await paymentLedger(deps, snapshot, JSON.parse(row.json) as Payment);
      const end = req.limit === undefined ? undefined : req.offset + req.limit;
      const body: LedgerItemsData = {
        ...ledger,
        paging: { count: ledger_items.length, offset: req.offset },
        ledger_items: ledger_items.slice(req.offset, end),
      };
      return { payment_id: req.payment_id, code: 200, body };
    }),
  );
  return JSON.stringify({ responses });
}
