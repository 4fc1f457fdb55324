/** Mapping step for censuses: table rows → OrgSnapshotInput, with an issue for every cell that cannot be read. */

import type { DocumentInput } from "../../../contracts/finch/documents.js";
import type { OrgSnapshotInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import { type Issue, IssueCollector } from "./issues.js";
import { type Mapping, ORG_FIELDS } from "./mapping.js";
import { rememberOrigin } from "./origin.js";
import type { ParsedTable } from "./parsed-table.js";
import { orgLookups, personFromRow } from "./person-row.js";
import { type ColumnExpectations, hasBlockingColumns, reportColumns } from "./report-columns.js";
import { resolveColumns, withField } from "./resolve-columns.js";
import { RowReader } from "./row-reader.js";
import { w4FromRow } from "./w4-row.js";

/** What a census upload maps to, and what was found on the way. */
export interface MappedOrg {
  /** The organization data, ready for validation and publishing. */
  input: OrgSnapshotInput;
  /** The table's warnings, then mapping issues (capped; their totals travel with the list). */
  issues: Issue[];
}

/** The employee id is indispensable; an operator would expect the rest in a census. */
const COLUMNS: ColumnExpectations = {
  blocking: ["source_id"],
  expected: [
    "first_name",
    "last_name",
    "dob",
    "ssn",
    "start_date",
    "title",
    "department",
    "work_email",
    "employment_status",
    "pay_rate",
    "manager_id",
  ],
};

type Company = OrgSnapshotInput["company"];
type Location = PersonInput["employment"]["location"];

/** Identity of a location for de-duplication (cheaper than JSON.stringify, which this runs for every person). */
function locationKey(l: Location): string {
  return l === null
    ? ""
    : `${l.name ?? ""}\u0000${l.line1}\u0000${l.line2}\u0000${l.city}\u0000${l.state}\u0000${l.postal_code}\u0000${l.country}`;
}

/** The company with the departments and work locations the people name added to the ones it already lists. */
function withPeopleOrg(company: Company, people: readonly PersonInput[]): Company {
  const departments = [...(company.departments ?? [])];
  const seenDepartments = new Set(departments.map((d) => d?.name));
  const locations = [...(company.locations ?? [])];
  const seenLocations = new Set(locations.map(locationKey));
  // people share location objects (see orgLookups): each object is keyed once
  const seenObjects = new Set<object>();
  for (const p of people) {
    const name = p.employment.department?.name;
    if (name && !seenDepartments.has(name)) {
      seenDepartments.add(name);
      departments.push({ name, parent: null });
    }
    const location = p.employment.location;
    if (location && !seenObjects.has(location)) {
      seenObjects.add(location);
      const key = locationKey(location);
      if (!seenLocations.has(key)) {
        seenLocations.add(key);
        locations.push(location);
      }
    }
  }
  return {
    ...company,
    departments: departments.length > 0 ? departments : company.departments,
    locations: locations.length > 0 ? locations : company.locations,
  };
}

/**
 * Map a census table to organization data. Rows without an employee id are left out (an error each); blank rows are
 * skipped. The company comes from `base`, plus the departments and locations found in the file.
 */
export function mapOrg(table: ParsedTable, mapping: Mapping, base: { company: Company }): MappedOrg {
  const issues = new IssueCollector();
  const columns = resolveColumns(table.headers, mapping, ORG_FIELDS);
  issues.absorb(table.warnings, withField(columns));
  const people: PersonInput[] = [];
  const documents: DocumentInput[] = [];
  const rows: number[] = [];
  const done = (): MappedOrg => {
    // a file without W-4 columns leaves the current W-4s as they are (see publishOrgSnapshot)
    const input = { company: withPeopleOrg(base.company, people), people, ...(columns.index.w4_year! >= 0 ? { documents } : {}) };
    rememberOrigin(input, { rows, columns: columns.header });
    return { input, issues: issues.list() };
  };
  if (mapping.group !== "org") {
    issues.error("wrong_mapping_group", "This mapping is for a payroll register, not a census");
    return done();
  }
  reportColumns(columns, mapping, COLUMNS, issues);
  if (!hasBlockingColumns(columns, COLUMNS)) return done();
  const reader = new RowReader(columns, issues, mapping.dateFormat, mapping.amountsIn);
  const lookups = orgLookups(mapping);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    reader.at(row, i + 2);
    const sourceId = reader.text("source_id");
    if (sourceId === null) {
      if (row.every((cell) => cell.trim() === "")) continue;
      reader.error("missing_id", "The employee id is empty; the row is left out", "source_id");
      continue;
    }
    if (sourceId.length > 200) {
      reader.error("invalid_id", "The employee id is longer than 200 characters; the row is left out", "source_id");
      continue;
    }
    people.push(personFromRow(reader, lookups, sourceId));
    const w4 = w4FromRow(reader, sourceId);
    if (w4) documents.push(w4);
    rows.push(i + 2);
  }
  return done();
}
