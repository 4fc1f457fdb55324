import { formatMoney } from "../../ui/format.js";
import type { Group } from "../ops-types.js";
import { pick, pickText } from "./diff-entries.js";

/**
 * Columns of the upload preview. Preview records are open records in the contract; these read the normalized
 * shapes (PersonInput / PaymentInput of contracts/linnet/snapshot-input.ts) and tolerate flat ones.
 */

/** One preview column: header and how to read a cell. */
export interface PreviewColumn {
  header: string;
  cell: (record: Record<string, unknown>) => string | null;
}

const text =
  (...paths: string[]) =>
  (r: Record<string, unknown>) =>
    pickText(r, paths);

/** "$1,234.56" from a Finch Money ({amount in cents, currency}) or a bare number of cents; null when it is neither. */
function moneyCell(value: unknown): string | null {
  const money = typeof value === "number" ? { amount: value, currency: "usd" } : (value as { amount?: unknown; currency?: unknown } | null);
  if (typeof money?.amount !== "number") return null;
  return formatMoney(money.amount, typeof money.currency === "string" && money.currency ? money.currency : "USD");
}

const money =
  (...paths: string[]) =>
  (r: Record<string, unknown>) =>
    paths.map((p) => moneyCell(pick(r, p))).find((v) => v !== null) ?? null;

function employmentStatus(r: Record<string, unknown>): string | null {
  const status = pickText(r, ["employment.employment_status", "employment_status", "status"]);
  if (status) return status;
  const active = pick(r, "employment.is_active") ?? pick(r, "is_active");
  return typeof active === "boolean" ? (active ? "active" : "inactive") : null;
}

function statementCount(r: Record<string, unknown>): string | null {
  const list = pick(r, "pay_statements");
  if (Array.isArray(list)) return String(list.length);
  return pickText(r, ["statement_count", "pay_statement_count"]);
}

/** The useful columns of each group's preview. */
export const PREVIEW_COLUMNS: Record<Group, PreviewColumn[]> = {
  org: [
    { header: "Source id", cell: text("source_id", "id") },
    { header: "First name", cell: text("individual.first_name", "first_name") },
    { header: "Last name", cell: text("individual.last_name", "last_name") },
    { header: "Title", cell: text("employment.title", "title") },
    { header: "Department", cell: text("employment.department.name", "employment.department", "department.name", "department") },
    { header: "Status", cell: employmentStatus },
  ],
  pay: [
    { header: "Source id", cell: text("source_id", "id") },
    { header: "Pay date", cell: text("pay_date") },
    {
      header: "Period",
      cell: (r) => [pickText(r, ["pay_period.start_date"]), pickText(r, ["pay_period.end_date"])].filter(Boolean).join(" – ") || null,
    },
    { header: "Gross", cell: money("gross_pay", "gross") },
    { header: "Net", cell: money("net_pay", "net") },
    { header: "Statements", cell: statementCount },
  ],
};

/** The group's columns that have a value in some record; or, when none do, the records' own plain fields. */
export function previewColumns(group: Group, records: Record<string, unknown>[]): PreviewColumn[] {
  const known = PREVIEW_COLUMNS[group].filter((c) => records.some((r) => c.cell(r) !== null));
  if (known.length > 1) return known;
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) =>
    records.some((r) => ["string", "number", "boolean"].includes(typeof r[k])),
  );
  return keys.slice(0, 8).map((k) => ({ header: k, cell: (r) => (r[k] === undefined || r[k] === null ? null : String(r[k])) }));
}
