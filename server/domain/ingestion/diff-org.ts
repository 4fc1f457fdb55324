/** What a census changes compared with the last published one: hires, terminations, removals and field changes. */
import type { OrgSnapshotInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import { jsonEqual } from "./json-equal.js";
import { maskSsn } from "./ssn.js";

/** One changed field of a person. SSNs are masked (`***-**-1234`). */
export interface FieldChange {
  /** The field's name in Finch's individual or employment shape, or `ssn`. */
  field: string;
  /** The previous value (null when absent). */
  before: unknown;
  /** The new value (null when absent). */
  after: unknown;
}

/** The differences between two versions of a company's people. Lists are capped; `counts` has the totals. */
export type OrgDiff = {
  /** People new in this file. */
  hires: { source_id: string; name: string }[];
  /** People whose `is_active` turned false or whose end date appeared. */
  terminations: { source_id: string; name: string; end_date: string | null }[];
  /** People missing from this file. */
  removed: { source_id: string; name: string }[];
  /** People with other changed fields (for terminations, the fields besides the termination itself). */
  changed: { source_id: string; name: string; fields: FieldChange[] }[];
  /** Totals: hires, terminations, removed, changed, unchanged, previous, next. */
  counts: Record<string, number>;
};

/** How many entries each list keeps. */
export const DIFF_LIST_LIMIT = 500;

type Getter = (p: PersonInput) => unknown;

// Compared fields (the SSN apart), identity then employment. Each getter reads a fixed property, which keeps these
// loads fast over 100,000 people (a computed key per field would not be).
const FIELDS: readonly [string, Getter][] = [
  ["first_name", (p) => p.individual.first_name],
  ["middle_name", (p) => p.individual.middle_name],
  ["last_name", (p) => p.individual.last_name],
  ["preferred_name", (p) => p.individual.preferred_name],
  ["emails", (p) => p.individual.emails],
  ["phone_numbers", (p) => p.individual.phone_numbers],
  ["gender", (p) => p.individual.gender],
  ["ethnicity", (p) => p.individual.ethnicity],
  ["marital_status", (p) => p.individual.marital_status],
  ["dob", (p) => p.individual.dob],
  ["residence", (p) => p.individual.residence],
  ["title", (p) => p.employment.title],
  ["manager_source_id", (p) => p.employment.manager_source_id],
  ["department", (p) => p.employment.department],
  ["employment", (p) => p.employment.employment],
  ["start_date", (p) => p.employment.start_date],
  ["end_date", (p) => p.employment.end_date],
  ["latest_rehire_date", (p) => p.employment.latest_rehire_date],
  ["is_active", (p) => p.employment.is_active],
  ["employment_status", (p) => p.employment.employment_status],
  ["flsa_status", (p) => p.employment.flsa_status],
  ["class_code", (p) => p.employment.class_code],
  ["location", (p) => p.employment.location],
  ["income", (p) => p.employment.income],
  ["income_history", (p) => p.employment.income_history],
  ["custom_fields", (p) => p.employment.custom_fields],
  ["union_code", (p) => p.employment.union_code],
  ["union_local", (p) => p.employment.union_local],
  ["highly_compensated_employee", (p) => p.employment.highly_compensated_employee],
  ["key_employee", (p) => p.employment.key_employee],
];

/** Fields a termination changes by itself; for terminated people only the other changes are listed. */
const TERMINATION_FIELDS = new Set(["is_active", "end_date", "employment_status"]);

/** A person's name for lists: preferred or first name, then last name. */
function nameOf(p: PersonInput): string {
  const first = p.individual.preferred_name ?? p.individual.first_name;
  return [first, p.individual.last_name].filter((s) => s).join(" ") || p.source_id;
}

/** The fields that differ; null when none do (most people), so unchanged people allocate nothing. */
function changes(before: PersonInput, after: PersonInput, skip: ReadonlySet<string> | null): FieldChange[] | null {
  let list: FieldChange[] | null = null;
  for (const [field, get] of FIELDS) {
    const a = get(before);
    const b = get(after);
    if (a === b || jsonEqual(a, b) || skip?.has(field)) continue;
    if (list === null) list = [];
    list.push({ field, before: a ?? null, after: b ?? null });
  }
  const ssnBefore = before.individual.ssn ?? null;
  const ssnAfter = after.individual.ssn ?? null;
  if (ssnBefore !== ssnAfter) {
    if (list === null) list = [];
    list.push({ field: "ssn", before: maskSsn(ssnBefore), after: maskSsn(ssnAfter) });
  }
  return list;
}

/** Equal as JSON values (the same test as `changes` makes per field). */
const same = (a: unknown, b: unknown) => a === b || jsonEqual(a, b);

/**
 * True when no compared field differs: `changes` would find nothing. Written out field by field (the same list as
 * FIELDS) because it runs for every person and most are unchanged; only the others go through `changes`.
 */
function unchanged(before: PersonInput, after: PersonInput): boolean {
  const a = before.individual;
  const b = after.individual;
  if (
    !same(a.first_name, b.first_name) ||
    !same(a.middle_name, b.middle_name) ||
    !same(a.last_name, b.last_name) ||
    !same(a.preferred_name, b.preferred_name) ||
    !same(a.emails, b.emails) ||
    !same(a.phone_numbers, b.phone_numbers) ||
    !same(a.gender, b.gender) ||
    !same(a.ethnicity, b.ethnicity) ||
    !same(a.marital_status, b.marital_status) ||
    !same(a.dob, b.dob) ||
    !same(a.residence, b.residence) ||
    (a.ssn ?? null) !== (b.ssn ?? null)
  ) {
    return false;
  }
  const e = before.employment;
  const f = after.employment;
  return (
    same(e.title, f.title) &&
    same(e.manager_source_id, f.manager_source_id) &&
    same(e.department, f.department) &&
    same(e.employment, f.employment) &&
    same(e.start_date, f.start_date) &&
    same(e.end_date, f.end_date) &&
    same(e.latest_rehire_date, f.latest_rehire_date) &&
    same(e.is_active, f.is_active) &&
    same(e.employment_status, f.employment_status) &&
    same(e.flsa_status, f.flsa_status) &&
    same(e.class_code, f.class_code) &&
    same(e.location, f.location) &&
    same(e.income, f.income) &&
    same(e.income_history, f.income_history) &&
    same(e.custom_fields, f.custom_fields) &&
    same(e.union_code, f.union_code) &&
    same(e.union_local, f.union_local) &&
    same(e.highly_compensated_employee, f.highly_compensated_employee) &&
    same(e.key_employee, f.key_employee)
  );
}

/** Compare the next census with the previous one (null for a first upload: everyone is a hire). */
export function diffOrg(previous: OrgSnapshotInput | null, next: OrgSnapshotInput): OrgDiff {
  // Previous people by id (the last one of an id, listed where the id first appears) and whether the new file has
  // them: a flag per person instead of deleting from the map, and the ones left unflagged are the removed people.
  const before = previous?.people ?? [];
  const indexOf = new Map<string, number>();
  for (let i = 0; i < before.length; i++) indexOf.set(before[i]!.source_id, i);
  const matched = new Uint8Array(before.length);
  const diff: OrgDiff = { hires: [], terminations: [], removed: [], changed: [], counts: {} };
  const counts = { hires: 0, terminations: 0, removed: 0, changed: 0, unchanged: 0, previous: indexOf.size, next: next.people.length };
  for (const p of next.people) {
    const index = indexOf.get(p.source_id);
    if (index === undefined || matched[index] === 1) {
      if (counts.hires++ < DIFF_LIST_LIMIT) diff.hires.push({ source_id: p.source_id, name: nameOf(p) });
      continue;
    }
    matched[index] = 1;
    const old = before[index]!;
    const wasActive = old.employment.is_active !== false && !old.employment.end_date;
    const terminated = wasActive && (p.employment.is_active === false || !!p.employment.end_date);
    if (terminated && counts.terminations++ < DIFF_LIST_LIMIT)
      diff.terminations.push({ source_id: p.source_id, name: nameOf(p), end_date: p.employment.end_date });
    const fields = unchanged(old, p) ? null : changes(old, p, terminated ? TERMINATION_FIELDS : null);
    if (fields) {
      if (counts.changed++ < DIFF_LIST_LIMIT) diff.changed.push({ source_id: p.source_id, name: nameOf(p), fields });
    } else if (!terminated) counts.unchanged++;
  }
  for (const [id, index] of indexOf)
    if (matched[index] === 0 && counts.removed++ < DIFF_LIST_LIMIT) diff.removed.push({ source_id: id, name: nameOf(before[index]!) });
  diff.counts = counts;
  return diff;
}
