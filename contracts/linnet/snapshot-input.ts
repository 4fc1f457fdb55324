import { z } from "zod";
import { DocumentInputSchema } from "../finch/documents.js";
import {
  CompanySchema,
  EmploymentSchema,
  IndividualSchema,
  PayFrequencySchema,
  PaymentSchema,
  PayStatementSchema,
} from "../finch/employer.js";

/**
 * What a source (the sandbox generator, an operator's upload, an automated sync) hands to `publishSnapshot`.
 * Records are keyed by the source system's own ids; Linnet maps them to stable UUIDs, so ids survive re-pulls.
 * Plain-text SSNs and bank numbers arrive here and are encrypted before they are stored.
 */

const sourceId = z.string().min(1).max(200);

/** One person: identity and employment, references by source id. */
export const PersonInputSchema = z.object({
  source_id: sourceId,
  individual: IndividualSchema.omit({ id: true, encrypted_ssn: true }),
  employment: EmploymentSchema.omit({
    id: true,
    first_name: true,
    middle_name: true,
    last_name: true,
    manager: true,
    source_id: true,
    work_id: true,
  }).extend({
    /** The manager's source id. */
    manager_source_id: sourceId.nullable(),
  }),
});
/** One person as a source supplies it. */
export type PersonInput = z.infer<typeof PersonInputSchema>;

/** Organization data: company and people. */
export const OrgSnapshotInputSchema = z.object({
  company: CompanySchema.omit({ id: true }),
  people: z.array(PersonInputSchema),
  /** W-4 documents of these people; absent: keep the current snapshot's documents of people still present. */
  documents: z.array(DocumentInputSchema).optional(),
});
/** Organization data as a source supplies it. */
export type OrgSnapshotInput = z.infer<typeof OrgSnapshotInputSchema>;

/** One pay statement, its person by source id. */
export const PayStatementInputSchema = PayStatementSchema.omit({ individual_id: true }).extend({ individual_source_id: sourceId });
/** A pay statement as a source supplies it. */
export type PayStatementInput = z.infer<typeof PayStatementInputSchema>;

/** One payroll run and its statements. */
export const PaymentInputSchema = PaymentSchema.omit({ id: true, individual_ids: true, pay_group_ids: true }).extend({
  source_id: sourceId,
  pay_group_source_ids: z.array(sourceId),
  pay_statements: z.array(PayStatementInputSchema),
});
/** A payment as a source supplies it. */
export type PaymentInput = z.infer<typeof PaymentInputSchema>;

/** Pay data: pay groups and payments. */
export const PaySnapshotInputSchema = z.object({
  pay_groups: z.array(
    z.object({
      source_id: sourceId,
      name: z.string().min(1),
      pay_frequencies: z.array(PayFrequencySchema),
      individual_source_ids: z.array(sourceId),
    }),
  ),
  payments: z.array(PaymentInputSchema),
});
/** Pay data as a source supplies it. */
export type PaySnapshotInput = z.infer<typeof PaySnapshotInputSchema>;
