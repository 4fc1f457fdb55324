/**
 * Reading the diff of an upload or snapshot. The contract types it as an open record, so this accepts the likely
 * shapes: each section either a count or a list of entries (people, payments or field changes), in snake or camel case.
 */

/** The sections of a diff, in the order shown. */
export const DIFF_SECTIONS = [
  { key: "hires", label: "Hires" },
  { key: "terminations", label: "Terminations" },
  { key: "removed", label: "Removed" },
  { key: "changed", label: "Changed" },
  { key: "new_payments", label: "New payments" },
] as const;

/** One section of a diff: how many, and the entries when the diff lists them. */
export interface DiffSection {
  key: string;
  label: string;
  count: number;
  entries: unknown[];
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function section(value: unknown): { count: number; entries: unknown[] } | null {
  if (typeof value === "number") return { count: value, entries: [] };
  if (Array.isArray(value)) return { count: value.length, entries: value };
  const record = asRecord(value);
  if (record === null) return null;
  const entries = [record["items"], record["entries"], record["records"]].find(Array.isArray) ?? [];
  const count = typeof record["count"] === "number" ? record["count"] : entries.length;
  return { count, entries };
}

/** The known sections present in a diff. */
export function diffSections(diff: Record<string, unknown>): DiffSection[] {
  const found: DiffSection[] = [];
  for (const { key, label } of DIFF_SECTIONS) {
    const parsed = section(diff[key] ?? diff[camel(key)]);
    if (parsed) found.push({ key, label, ...parsed });
  }
  return found;
}

const str = (value: unknown): string | null => (typeof value === "string" || typeof value === "number" ? String(value) : null);

/** Follows a dotted path ("individual.first_name") through nested records. */
export function pick(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split(".")) value = asRecord(value)?.[part];
  return value;
}

/** The first path that holds a string or number. */
export function pickText(record: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const text = str(pick(record, path));
    if (text !== null && text !== "") return text;
  }
  return null;
}

/** "Ada Lovelace" from the usual places a person's name sits. */
export function personName(record: unknown): string | null {
  const full = pickText(record, ["name", "full_name", "individual.name"]);
  if (full) return full;
  const first = pickText(record, ["first_name", "individual.first_name", "preferred_name"]);
  const last = pickText(record, ["last_name", "individual.last_name"]);
  return [first, last].filter(Boolean).join(" ") || null;
}

/** The fields an entry says changed: "title: Engineer → Lead", "department". */
export function changedFields(entry: unknown): string[] {
  const record = asRecord(entry);
  if (record === null) return [];
  const list = [record["fields"], record["changed_fields"], record["changes"]].find(Array.isArray) ?? [];
  return list.map((item) => {
    const change = asRecord(item);
    if (change === null) return String(item);
    const field = str(change["field"]) ?? "field";
    const from = str(change["from"] ?? change["before"] ?? change["old"]);
    const to = str(change["to"] ?? change["after"] ?? change["new"]);
    return from !== null || to !== null ? `${field}: ${from ?? "—"} → ${to ?? "—"}` : field;
  });
}

/** A one-line description of a diff entry (person, payment or change). */
export function entryText(entry: unknown): string {
  if (typeof entry !== "object" || entry === null) return String(entry);
  const id = pickText(entry, ["source_id", "individual_source_id", "id", "individual_id", "payment_id"]);
  const name = personName(entry);
  const payDate = pickText(entry, ["pay_date", "date"]);
  const label = name ?? (payDate ? `Payment ${payDate}` : null) ?? id ?? JSON.stringify(entry);
  return id && label !== id ? `${label} (${id})` : label;
}
