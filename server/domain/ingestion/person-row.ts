/** One census row → one PersonInput (identity and employment), in Finch's shapes. */
import type { PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import type { EmploymentClass, EmploymentStatus, FlsaStatus, Gender, IncomeUnit, Mapping, OrgField } from "./mapping.js";
import type { RowReader } from "./row-reader.js";
import { isMaskedSsn, normalizeSsn } from "./ssn.js";
import { DEFAULT_VALUE_MAPS, ValueLookup } from "./value-maps.js";

type Individual = PersonInput["individual"];
type Employment = PersonInput["employment"];
type Location = Individual["residence"];

/**
 * The coded-value lookups of one mapping, built once per file, and the values people share: one department and one
 * work location object per distinct value, as the coded values are (mapped data is never changed in place).
 */
export interface OrgLookups {
  /** Department name → the one `{ name }` object. */
  departments: Map<string, { name: string }>;
  /** Work locations → the one location object. */
  locations: SharedLocations;
  /** Employment type and subtype. */
  employmentType: ValueLookup<EmploymentClass>;
  /** Employment status. */
  status: ValueLookup<EmploymentStatus>;
  /** FLSA status. */
  flsa: ValueLookup<FlsaStatus>;
  /** Gender. */
  gender: ValueLookup<Gender>;
  /** Pay rate unit. */
  unit: ValueLookup<IncomeUnit>;
}

/** The one object of each distinct location: by name alone (a site without an address), or by all its parts. */
export interface SharedLocations {
  /** Site name → location, for locations with a name and no address part. */
  byName: Map<string, NonNullable<Location>>;
  /** All parts, null apart from text → location. */
  byParts: Map<string, NonNullable<Location>>;
}

/** Lookups for a mapping: its own value maps over the built-in spellings. */
export function orgLookups(mapping: Mapping): OrgLookups {
  const maps = mapping.valueMaps ?? {};
  return {
    departments: new Map(),
    locations: { byName: new Map(), byParts: new Map() },
    employmentType: new ValueLookup(DEFAULT_VALUE_MAPS.employment_type, maps.employment_type),
    status: new ValueLookup(DEFAULT_VALUE_MAPS.employment_status, maps.employment_status),
    flsa: new ValueLookup(DEFAULT_VALUE_MAPS.flsa_status, maps.flsa_status),
    gender: new ValueLookup(DEFAULT_VALUE_MAPS.gender, maps.gender),
    unit: new ValueLookup(DEFAULT_VALUE_MAPS.pay_unit, maps.pay_unit),
  };
}

const ACTIVE_STATUSES: ReadonlySet<EmploymentStatus> = new Set(["active", "leave"]);
const US_NAMES = new Set(["us", "usa", "u.s.", "u.s.a.", "united states", "united states of america"]);

/** ISO country code: US spellings → `US`, two letters upper-cased, anything else as written. */
function country(raw: string | null): string | null {
  if (raw === null) return null;
  if (US_NAMES.has(raw.toLowerCase())) return "US";
  return raw.length === 2 ? raw.toUpperCase() : raw;
}

type AddressFields = readonly [OrgField, OrgField, OrgField, OrgField, OrgField, OrgField];
const HOME: AddressFields = ["address_line1", "address_line2", "address_city", "address_state", "address_postal_code", "address_country"];
const WORK: AddressFields = [
  "location_line1",
  "location_line2",
  "location_city",
  "location_state",
  "location_postal_code",
  "location_country",
];

/** An address part in a sharing key (null apart from any text). */
const part = (text: string | null) => (text === null ? "\u0001" : text);

/**
 * A postal address, or null when the row has none; the country defaults to US (these are US payroll systems). With
 * `shared`, equal addresses are one object (work locations: a few sites for thousands of people).
 */
function address(r: RowReader, f: AddressFields, name: string | null, shared?: SharedLocations): Location {
  const line1 = r.text(f[0]);
  const line2 = r.text(f[1]);
  const city = r.text(f[2]);
  const state = r.text(f[3]);
  const postal = r.text(f[4]);
  const anyPart = line1 !== null || city !== null || state !== null || postal !== null;
  if (!anyPart && name === null) return null;
  const countryText = r.text(f[5]);
  // a site named but with no address (the usual census) is keyed by its name alone, a string the file already holds
  const nameOnly = !anyPart && line2 === null && countryText === null;
  const pool = nameOnly ? shared?.byName : shared?.byParts;
  const key = !pool
    ? ""
    : nameOnly
      ? (name as string)
      : `${part(name)}\u0000${part(line1)}\u0000${part(line2)}\u0000${part(city)}\u0000${part(state)}\u0000${part(postal)}\u0000${part(countryText)}`;
  const known = pool?.get(key);
  if (known) return known;
  const location: NonNullable<Location> = {
    line1,
    line2,
    city,
    state,
    postal_code: postal,
    country: country(countryText) ?? (anyPart ? "US" : null),
  };
  if (name !== null) location.name = name;
  pool?.set(key, location);
  return location;
}

const EMAILS = [
  ["work_email", "work"],
  ["personal_email", "personal"],
] as const;

function emails(r: RowReader): Individual["emails"] {
  const list: NonNullable<Individual["emails"]> = [];
  for (const [field, type] of EMAILS) {
    const data = r.text(field);
    if (data === null) continue;
    if (!data.includes("@")) r.warning("invalid_email", `"${data}" is not an email address; it is left out`, field);
    else list.push({ data, type });
  }
  return list.length > 0 ? list : null;
}

function phones(r: RowReader): Individual["phone_numbers"] {
  const work = r.text("work_phone");
  const personal = r.text("personal_phone");
  const list: NonNullable<Individual["phone_numbers"]> = [];
  if (work !== null) list.push({ data: work, type: "work" });
  if (personal !== null) list.push({ data: personal, type: "personal" });
  return list.length > 0 ? list : null;
}

function employmentClass(r: RowReader, l: OrgLookups): EmploymentClass | null {
  const type = r.coded("employment_type", l.employmentType);
  const sub = r.coded("employment_subtype", l.employmentType);
  if (sub === null) return type;
  return { type: type?.type ?? sub.type, subtype: sub.subtype ?? type?.subtype ?? null };
}

function income(r: RowReader, l: OrgLookups): Employment["income"] {
  const amount = r.cents("pay_rate");
  if (amount === null) return null;
  const unit = r.coded("pay_unit", l.unit);
  if (unit === null && r.text("pay_unit") === null)
    r.warning("missing_value", "The pay rate has no unit (hourly, yearly…); it is left without one", "pay_rate");
  return { unit, amount, currency: "usd", effective_date: r.date("pay_effective_date") };
}

/** The one `{ name }` object of a department. */
function sharedDepartment(departments: Map<string, { name: string }>, name: string): { name: string } {
  let department = departments.get(name);
  if (department === undefined) {
    department = { name };
    departments.set(name, department);
  }
  return department;
}

/** The person on the reader's current row; the caller has checked that it has an employee id. */
export function personFromRow(r: RowReader, l: OrgLookups, sourceId: string): PersonInput {
  const first = r.text("first_name");
  const last = r.text("last_name");
  if (first === null) r.warning("missing_value", "The first name is empty", "first_name");
  if (last === null) r.warning("missing_value", "The last name is empty", "last_name");
  let ssn = r.text("ssn");
  if (ssn !== null && isMaskedSsn(ssn)) {
    r.warning("masked_ssn", "The SSN is masked in the export; it is left empty (run the report with full SSNs to include it)", "ssn");
    ssn = null;
  }
  const department = r.text("department");
  const start = r.date("start_date");
  const end = r.date("end_date");
  if (start === null && r.text("start_date") === null) r.warning("missing_value", "The start (hire) date is empty", "start_date");
  const status = r.coded("employment_status", l.status) ?? (end === null ? "active" : "terminated");
  return {
    source_id: sourceId,
    individual: {
      first_name: first,
      middle_name: r.text("middle_name"),
      last_name: last,
      preferred_name: r.text("preferred_name"),
      emails: emails(r),
      phone_numbers: phones(r),
      gender: r.coded("gender", l.gender),
      ethnicity: null,
      marital_status: null,
      dob: r.date("dob"),
      ssn: ssn === null ? null : normalizeSsn(ssn),
      residence: address(r, HOME, null),
    },
    employment: {
      title: r.text("title"),
      manager_source_id: r.text("manager_id"),
      department: department === null ? null : sharedDepartment(l.departments, department),
      employment: employmentClass(r, l),
      start_date: start,
      end_date: end,
      latest_rehire_date: r.date("rehire_date"),
      is_active: ACTIVE_STATUSES.has(status),
      employment_status: status,
      flsa_status: r.coded("flsa_status", l.flsa),
      class_code: r.text("class_code"),
      location: address(r, WORK, r.text("location_name"), l.locations),
      income: income(r, l),
      income_history: null,
      custom_fields: null,
      union_code: null,
      union_local: null,
      highly_compensated_employee: null,
      key_employee: null,
    },
  };
}
