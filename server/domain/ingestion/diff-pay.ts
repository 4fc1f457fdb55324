/** What a payroll register adds compared with the payments already published. */
import type { PaymentInput } from "../../../contracts/linnet/snapshot-input.js";

/** New and already-published payments. `newPayments` is capped; `newPaymentCount` has the total. */
export type PayDiff = {
  /** Payments not published before. */
  newPayments: { source_id: string; pay_date: string | null; gross: number | null }[];
  /** How many payments are new. */
  newPaymentCount: number;
  /** How many payments were published before (matched by source id). */
  existingPayments: number;
};

/** How many new payments are listed. */
export const PAY_DIFF_LIMIT = 500;

/** Compare a register's payments with the source ids of the payments already published. */
export function diffPay(
  previousPaymentKeys: Set<string>,
  next: { payments: readonly Pick<PaymentInput, "source_id" | "pay_date" | "gross_pay">[] },
): PayDiff {
  const diff: PayDiff = { newPayments: [], newPaymentCount: 0, existingPayments: 0 };
  for (const p of next.payments) {
    if (previousPaymentKeys.has(p.source_id)) {
      diff.existingPayments++;
      continue;
    }
    if (diff.newPaymentCount++ < PAY_DIFF_LIMIT)
      diff.newPayments.push({ source_id: p.source_id, pay_date: p.pay_date, gross: p.gross_pay?.amount ?? null });
  }
  return diff;
}
