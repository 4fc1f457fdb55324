import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import { type DeflatedPiece, gzipParts, storedPiece } from "../caches/gzip-pieces.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";
import { allSoon, thenSoon } from "../caches/soon.js";
import type { Deps } from "../deps.js";
import { type ActiveRule, applyItemRules } from "./item-rules.js";

type ReaderDeps = Pick<Deps, "db"> & { reader: SnapshotReader };

/** Pay-statement pages: at most 10 payments per request, 5,000 statements per page. */
export const PAY_STATEMENT_BATCH_LIMIT = 10;
/** Most pay statements one page may hold. */
export const PAY_STATEMENT_PAGE_LIMIT = 5_000;

/** Payments whose pay date lies in [start, end] (inclusive, YYYY-MM-DD), as a served JSON array. */
export async function readPayments(deps: ReaderDeps, snapshot: SnapshotRow, start: string, end: string): Promise<string> {
  const { rows } = await deps.reader.kind(deps.db, snapshot.id, "payment");
  const picked: string[] = [];
  for (const r of rows) {
    const payDate = (JSON.parse(r.json) as { pay_date: string | null }).pay_date;
    if (payDate && payDate >= start && payDate <= end) picked.push(r.json);
  }
  return `[${picked.join(",")}]`;
}

/** One requested page of pay statements. */
export interface PayStatementRequest {
  payment_id: string;
  limit: number;
  offset: number;
}

const ITEM_SECTIONS = ["earnings", "taxes", "employee_deductions", "employer_contributions"] as const;

/**
 * A served statement with the connection's pay statement item rules applied at the payment's pay date: matching
 * items get the rules' metadata merged into `attributes.metadata` (as `/employer/pay-statement-item` shows them).
 */
function withItemRules(json: string, rules: readonly ActiveRule[], payDate: string | null): string {
  const statement = JSON.parse(json) as Record<string, unknown>;
  for (const category of ITEM_SECTIONS) {
    const items = statement[category];
    if (!Array.isArray(items)) continue;
    for (const item of items as Record<string, unknown>[]) {
      if (typeof item.name !== "string") continue;
      const facts = {
        name: item.name,
        category,
        type: typeof item.type === "string" ? item.type : null,
        pre_tax: category === "employee_deductions" && typeof item.pre_tax === "boolean" ? item.pre_tax : null,
        employer: category === "taxes" && typeof item.employer === "boolean" ? item.employer : null,
      };
      const attributes = (item.attributes ?? null) as { metadata?: Record<string, unknown> | null } | null;
      const metadata = applyItemRules(rules, facts, payDate, attributes?.metadata ?? null);
      if (metadata !== (attributes?.metadata ?? null)) item.attributes = { ...(attributes ?? {}), metadata };
    }
  }
  return JSON.stringify(statement);
}

const paymentNotFound = (quoted: string, id: string) =>
  `{"payment_id":${quoted},"code":404,"body":${JSON.stringify({ code: 404, finch_code: "payment_not_found", name: "not_found_error", message: `No payment with id ${id} found` })}}`;

/**
 * The batch answer of `/employer/pay-statement` as served JSON bytes; unknown payments answer 404 in their element.
 * Without pay statement item rules, each page comes from the reader's page cache and is copied as bytes; with rules,
 * each statement's items get them applied (and nothing is cached, since rules may change at any time).
 */
export async function readPayStatements(
  deps: ReaderDeps,
  snapshot: SnapshotRow,
  requests: PayStatementRequest[],
  rules: readonly ActiveRule[] = [],
): Promise<Buffer> {
  if (rules.length === 0) return Buffer.concat(await readPayStatementParts(deps, snapshot, requests));
  const payDates = await deps.reader.payDates(deps.db, snapshot.id);
  const elements = await Promise.all(
    requests.map(async (req): Promise<string> => {
      const quoted = JSON.stringify(req.payment_id);
      if (!payDates.has(req.payment_id)) return paymentNotFound(quoted, req.payment_id);
      const page = await deps.reader.childPage(deps.db, snapshot.id, "pay_statement", req.payment_id, req.offset, req.limit);
      const payDate = payDates.get(req.payment_id) ?? null;
      return `${elementHead(quoted, page.count, req.offset)}${page.items.map((json) => withItemRules(json, rules, payDate)).join(",")}]}}`;
    }),
  );
  return Buffer.from(`{"responses":[${elements.join(",")}]}`);
}

/** An element of the answer up to its statements: `{"payment_id":…,"code":200,"body":{"paging":…,"pay_statements":[`. */
const elementHead = (quoted: string, count: number, offset: number) =>
  `{"payment_id":${quoted},"code":200,"body":{"paging":{"count":${count},"offset":${offset}},"pay_statements":[`;

/**
 * The answer without item rules as the buffers it is made of, in order: the cached pages as they are, and the small
 * bytes around them. The route joins them; the fast path writes them to the socket as they are (one writev, no copy
 * of a megabyte into a fresh buffer per request).
 */
export async function readPayStatementParts(deps: ReaderDeps, snapshot: SnapshotRow, requests: PayStatementRequest[]): Promise<Buffer[]> {
  const payDates = await deps.reader.payDates(deps.db, snapshot.id);
  const pages = await allSoon(
    requests.map((req) =>
      payDates.has(req.payment_id)
        ? deps.reader.childPageBytes(deps.db, snapshot.id, "pay_statement", req.payment_id, req.offset, req.limit)
        : null,
    ),
  );
  const parts: Buffer[] = [];
  let text = `{"responses":[`;
  requests.forEach((req, i) => {
    if (i > 0) text += ",";
    const quoted = JSON.stringify(req.payment_id);
    const page = pages[i];
    if (!page) {
      text += paymentNotFound(quoted, req.payment_id);
      return;
    }
    parts.push(Buffer.from(text + elementHead(quoted, page.count, req.offset)), page.bytes);
    text = "]}}";
  });
  parts.push(Buffer.from(`${text}]}`));
  return parts;
}

/**
 * The same answer gzip-compressed, as the buffers of one gzip member. Each payment's whole element (head, page,
 * close) is compressed once and cached (`SnapshotReader.childPageDeflated`); the bytes between elements are the
 * same few stored blocks every time, and an unknown payment's 404 element is stored as it is. So an answer costs no
 * compression and no copy: its buffers go to the socket as they are (gzip-pieces.ts).
 */
export async function readPayStatementGzipParts(
  deps: ReaderDeps,
  snapshot: SnapshotRow,
  requests: PayStatementRequest[],
): Promise<Buffer[]> {
  const payDates = await deps.reader.payDates(deps.db, snapshot.id);
  const elements = await allSoon(
    requests.map((req) => {
      if (!payDates.has(req.payment_id)) return storedPiece(Buffer.from(paymentNotFound(JSON.stringify(req.payment_id), req.payment_id)));
      const page = deps.reader.childPageDeflated(deps.db, snapshot.id, "pay_statement", req.payment_id, req.offset, req.limit, wrapElement);
      return thenSoon(page, (p) => p.piece);
    }),
  );
  const pieces: DeflatedPiece[] = [GZ_OPEN];
  for (const e of elements) {
    if (pieces.length > 1) pieces.push(GZ_COMMA);
    pieces.push(e);
  }
  pieces.push(GZ_CLOSE);
  return gzipParts(pieces);
}

/** The bytes around a payment's page in its element of the answer (they follow from the key and the page's total). */
const wrapElement = (paymentId: string, offset: number, count: number) => ({
  before: elementHead(JSON.stringify(paymentId), count, offset),
  after: "]}}",
});

const GZ_OPEN = storedPiece(Buffer.from(`{"responses":[`));
const GZ_COMMA = storedPiece(Buffer.from(","));
const GZ_CLOSE = storedPiece(Buffer.from("]}"));

/** Pay groups as served JSON (list without members, or one with `individual_ids`); null when the id is unknown. */
export async function readPayGroups(deps: ReaderDeps, snapshot: SnapshotRow, id?: string): Promise<string | null> {
  const set = await deps.reader.kind(deps.db, snapshot.id, "pay_group");
  if (id !== undefined) return set.byId.get(id)?.json ?? null;
  const list = set.rows.map((r) => {
    const { individual_ids: _members, ...group } = JSON.parse(r.json) as Record<string, unknown>;
    return JSON.stringify(group);
  });
  return `[${list.join(",")}]`;
}
