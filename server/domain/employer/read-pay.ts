import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import { type DeflatedPiece, gzipParts, storedPiece } from "../caches/gzip-pieces.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";
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
 * Build an answer without item rules from each payment's page (null: unknown payment): the small bytes around the
 * pages become one piece each through `small`, the pages pass through as `page` gives them.
 */
async function assemble<P, Piece>(
  deps: ReaderDeps,
  snapshotId: string,
  requests: PayStatementRequest[],
  pageOf: (req: PayStatementRequest) => Promise<P & { count: number }>,
  small: (bytes: Buffer) => Piece,
  page: (p: P) => Piece,
): Promise<Piece[]> {
  const payDates = await deps.reader.payDates(deps.db, snapshotId);
  const pages = await Promise.all(requests.map((req) => (payDates.has(req.payment_id) ? pageOf(req) : null)));
  const pieces: Piece[] = [];
  let text = `{"responses":[`;
  requests.forEach((req, i) => {
    if (i > 0) text += ",";
    const quoted = JSON.stringify(req.payment_id);
    const found = pages[i];
    if (!found) {
      text += paymentNotFound(quoted, req.payment_id);
      return;
    }
    pieces.push(small(Buffer.from(text + elementHead(quoted, found.count, req.offset))), page(found));
    text = "]}}";
  });
  pieces.push(small(Buffer.from(`${text}]}`)));
  return pieces;
}

/**
 * The answer without item rules as the buffers it is made of, in order: the cached pages as they are, and the small
 * bytes around them. The route joins them; the fast path writes them to the socket as they are (one writev, no copy
 * of a megabyte into a fresh buffer per request).
 */
export function readPayStatementParts(deps: ReaderDeps, snapshot: SnapshotRow, requests: PayStatementRequest[]): Promise<Buffer[]> {
  return assemble(
    deps,
    snapshot.id,
    requests,
    (req) => deps.reader.childPageBytes(deps.db, snapshot.id, "pay_statement", req.payment_id, req.offset, req.limit),
    (bytes) => bytes,
    (page) => page.bytes,
  );
}

/**
 * The same answer gzip-compressed, as the buffers of one gzip member: each page is compressed once and cached
 * (`SnapshotReader.childPageDeflated`), and the few bytes around the pages are added as stored blocks, so an answer
 * costs no compression at all once its pages have been asked for (gzip-pieces.ts).
 */
export async function readPayStatementGzipParts(
  deps: ReaderDeps,
  snapshot: SnapshotRow,
  requests: PayStatementRequest[],
): Promise<Buffer[]> {
  const pieces = await assemble(
    deps,
    snapshot.id,
    requests,
    (req) => deps.reader.childPageDeflated(deps.db, snapshot.id, "pay_statement", req.payment_id, req.offset, req.limit),
    storedPiece,
    (page) => page.piece,
  );
  return gzipParts(pieces);
}

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
