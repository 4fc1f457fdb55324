import type { OrgSnapshotInput, PaymentInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import type { SandboxCompanyRow, SandboxEditRow } from "../../db/repositories/sandbox.repository.js";
import type { PayPublishInput } from "../snapshots/publish-pay.js";
import { generateCompany } from "./generator/index.js";

/** Sandbox data at a point of its history: the generated company with every edit applied. */
export interface SandboxData {
  org: OrgSnapshotInput;
  pay: PayPublishInput;
}

/** Apply one person edit (individual and/or employment fields) in place. */
function applyPersonEdit(person: PersonInput, body: Record<string, unknown>): void {
  if (body.individual) Object.assign(person.individual, body.individual);
  if (body.employment) Object.assign(person.employment, body.employment);
}

/** Regenerate a sandbox company deterministically (with its W-4s when asked) and replay its edits in order. */
export function sandboxData(
  company: SandboxCompanyRow,
  edits: SandboxEditRow[],
  opts: { documents: boolean } = { documents: false },
): SandboxData {
  const generated = generateCompany({ seed: company.seed, employeeSize: company.employeeSize, asOf: company.asOf });
  // W-4s only when the connection reads them: a large company's publish then writes no rows nobody may read
  const org: OrgSnapshotInput = {
    company: { ...generated.org.company },
    people: generated.org.people,
    documents: opts.documents ? generated.documents() : [],
  };
  const bySource = new Map(org.people.map((p) => [p.source_id, p]));
  const extraPayments: PaymentInput[] = [];
  for (const edit of edits) {
    switch (edit.kind) {
      case "company":
        Object.assign(org.company, edit.body);
        break;
      case "person": {
        const person = edit.sourceId ? bySource.get(edit.sourceId) : undefined;
        if (person) applyPersonEdit(person, edit.body);
        break;
      }
      case "new_person": {
        const person = edit.body as PersonInput;
        org.people.push(person);
        bySource.set(person.source_id, person);
        break;
      }
      case "payment":
        extraPayments.push(edit.body as PaymentInput);
        break;
    }
  }
  function* payments(): Generator<PaymentInput> {
    yield* generated.payments();
    yield* extraPayments;
  }
  return { org, pay: { pay_groups: generated.payGroups, payments: payments() } };
}
