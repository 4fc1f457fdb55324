import type { Company, DirectoryIndividual, Employment, Individual } from "../../../contracts/finch/employer.js";
import type { OrgSnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import type { OrgPersonInsert, SnapshotRecordInsert } from "../../db/repositories/snapshots.repository.js";
import type { Cipher } from "../security/encryption.js";

/** Associated data binding a sealed value to its record, so a sealed SSN cannot be moved to another person. */
export function sealAad(snapshotId: string, kind: string, id: string): string {
  return `${snapshotId}:${kind}:${id}`;
}

/** Sensitive company fields, kept out of the served JSON. */
interface SealedAccounts {
  accounts: { routing_number: string | null; account_number: string | null }[];
}

/** Company record: bank routing and account numbers sealed, the rest as served. */
function companyRecord(snapshotId: string, companyId: string, input: OrgSnapshotInput["company"], cipher: Cipher): SnapshotRecordInsert {
  const accounts = input.accounts ?? null;
  const body: Company = {
    id: companyId,
    ...input,
    accounts: accounts?.map((a) => ({ ...a, routing_number: null, account_number: null })) ?? null,
  };
  const secret: SealedAccounts | null = accounts
    ? { accounts: accounts.map((a) => ({ routing_number: a.routing_number, account_number: a.account_number })) }
    : null;
  return {
    snapshotId,
    kind: "company",
    position: 0,
    id: companyId,
    json: JSON.stringify(body),
    sealed: secret ? cipher.encrypt(JSON.stringify(secret), sealAad(snapshotId, "company", companyId)) : null,
  };
}

/**
 * An org snapshot's rows: the company record and one row per person. People are made as they are consumed, so a
 * large census streams into the database without holding every person's JSON in memory at once.
 */
export interface OrgRecords {
  company: SnapshotRecordInsert;
  people: Iterable<OrgPersonInsert>;
}

/** Turn source-keyed org input into records; `idOf` maps a person's source id to its stable UUID. */
export function buildOrgRecords(
  snapshotId: string,
  companyId: string,
  input: OrgSnapshotInput,
  idOf: (sourceId: string) => string,
  cipher: Cipher,
): OrgRecords {
  function* people(): Generator<OrgPersonInsert> {
    for (let position = 0; position < input.people.length; position++) yield personRow(input.people[position]!, position);
  }
  function personRow(person: OrgSnapshotInput["people"][number], position: number): OrgPersonInsert {
    const id = idOf(person.source_id);
    const { ssn, ...individualFields } = person.individual;
    const { manager_source_id, ...employmentFields } = person.employment;
    const manager = manager_source_id ? { id: idOf(manager_source_id) } : null;
    const names = {
      first_name: individualFields.first_name,
      middle_name: individualFields.middle_name,
      last_name: individualFields.last_name,
    };
    const directory: DirectoryIndividual = {
      id,
      ...names,
      manager,
      department: employmentFields.department ? { name: employmentFields.department.name } : null,
      is_active: employmentFields.is_active,
    };
    const individual: Individual = { id, ...individualFields };
    const employment: Employment = { id, ...names, ...employmentFields, manager, source_id: person.source_id, work_id: person.source_id };
    return {
      position,
      id,
      directory: JSON.stringify(directory),
      individual: JSON.stringify(individual),
      employment: JSON.stringify(employment),
      sealed: ssn ? cipher.encrypt(ssn, sealAad(snapshotId, "individual", id)) : null,
    };
  }
  return { company: companyRecord(snapshotId, companyId, input.company, cipher), people: people() };
}
