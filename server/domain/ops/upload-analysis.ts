import type { OrgSnapshotInput, PaySnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { loadSourceIds } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { currentOrgInput } from "../employer/current-org-input.js";
import {
  diffOrg,
  diffPay,
  type Mapping,
  mapOrg,
  mapPay,
  type OrgDiff,
  type ParsedTable,
  type PayDiff,
  type ValidationReport,
  validateOrg,
  validatePay,
} from "../ingestion/index.js";

/** A file mapped, validated and compared with the connection's current data. */
export type UploadAnalysis =
  | { group: "org"; input: OrgSnapshotInput; report: ValidationReport; diff: OrgDiff }
  | { group: "pay"; input: PaySnapshotInput; report: ValidationReport; diff: PayDiff };

/** A company for a census file when the connection has none yet: the employer's name, nothing else. */
function emptyCompany(connection: ConnectionRow): OrgSnapshotInput["company"] {
  return {
    legal_name: connection.customerName,
    entity: null,
    primary_email: null,
    primary_phone_number: null,
    departments: null,
    ein: null,
    locations: null,
    accounts: null,
  };
}

/** Run the pure pipeline's map → validate → diff steps against what the connection currently serves. */
export async function analyzeTable(
  deps: Pick<Deps, "db" | "cipher" | "reader">,
  connection: ConnectionRow,
  table: ParsedTable,
  mapping: Mapping,
): Promise<UploadAnalysis> {
  const current = await currentOrgInput(deps, connection);
  if (mapping.group === "org") {
    const mapped = mapOrg(table, mapping, { company: current?.company ?? emptyCompany(connection) });
    const previousSourceIds = current ? new Set(current.people.map((p) => p.source_id)) : undefined;
    const report = validateOrg(mapped.input, mapped.issues, { previousSourceIds });
    return { group: "org", input: mapped.input, report, diff: diffOrg(current, mapped.input) };
  }
  const mapped = mapPay(table, mapping);
  const knownPeople = new Set(current?.people.map((p) => p.source_id) ?? []);
  const report = validatePay(mapped.input, mapped.issues, { knownPeople });
  const previousPayments = new Set((await loadSourceIds(deps.db, connection.id, "payment")).keys());
  return { group: "pay", input: mapped.input, report, diff: diffPay(previousPayments, mapped.input) };
}

/** Validate JSON-ingested data the same way as a mapped file (no file rows to point at). */
export async function analyzeJson(
  deps: Pick<Deps, "db" | "cipher" | "reader">,
  connection: ConnectionRow,
  group: "org" | "pay",
  data: OrgSnapshotInput | PaySnapshotInput,
): Promise<UploadAnalysis> {
  const current = await currentOrgInput(deps, connection);
  if (group === "org") {
    const input = data as OrgSnapshotInput;
    const report = validateOrg(input, [], { previousSourceIds: current ? new Set(current.people.map((p) => p.source_id)) : undefined });
    return { group, input, report, diff: diffOrg(current, input) };
  }
  const input = data as PaySnapshotInput;
  const report = validatePay(input, [], { knownPeople: new Set(current?.people.map((p) => p.source_id) ?? []) });
  return { group, input, report, diff: diffPay(new Set((await loadSourceIds(deps.db, connection.id, "payment")).keys()), input) };
}
