import { z } from "zod";
import { BENEFIT_TYPES } from "./benefits.js";

/** Employer data shapes of the Finch API (`/employer/*`), field for field. Every field may be null (Finch semantics). */

const str = z.string().nullable();
const date = z.string().nullable();

/** A postal address (`Location`). */
export const LocationSchema = z
  .object({
    line1: str,
    line2: str,
    city: str,
    state: str,
    postal_code: str,
    country: str,
    name: str.optional(),
    source_id: str.optional(),
  })
  .nullable()
  .meta({ id: "Location" });

/** A postal address. */
export type Location = z.infer<typeof LocationSchema>;

/** An amount in cents with its currency (`Money`). */
export const MoneySchema = z.object({ amount: z.number().int().nullable(), currency: z.string() }).nullable().meta({ id: "Money" });

/** Compensation (`Income`); not necessarily annualised. */
export const IncomeSchema = z
  .object({
    unit: z.enum(["yearly", "quarterly", "monthly", "semi_monthly", "bi_weekly", "weekly", "daily", "hourly", "fixed"]).nullable(),
    amount: z.number().int().nullable(),
    currency: str,
    effective_date: date,
  })
  .nullable()
  .meta({ id: "Income" });

/** Compensation. */
export type Income = z.infer<typeof IncomeSchema>;

/** Pay frequencies. */
export const PayFrequencySchema = z.enum([
  "annually",
  "bi_weekly",
  "daily",
  "monthly",
  "other",
  "quarterly",
  "semi_annually",
  "semi_monthly",
  "weekly",
]);

/** `GET /employer/company`. */
export const CompanySchema = z
  .object({
    id: z.string(),
    legal_name: str,
    entity: z
      .object({
        type: z.enum(["llc", "lp", "corporation", "sole_proprietor", "non_profit", "partnership", "cooperative"]).nullable(),
        subtype: z.enum(["s_corporation", "c_corporation", "b_corporation"]).nullable(),
      })
      .nullable(),
    primary_email: str,
    primary_phone_number: str,
    departments: z.array(z.object({ name: str, parent: z.object({ name: str }).nullable() }).nullable()).nullable(),
    ein: str,
    locations: z.array(LocationSchema).nullable(),
    accounts: z
      .array(
        z.object({
          routing_number: str,
          account_name: str,
          institution_name: str,
          account_type: z.enum(["checking", "savings"]).nullable(),
          account_number: str,
        }),
      )
      .nullable(),
  })
  .meta({ id: "Company" });
/** A company. */
export type Company = z.infer<typeof CompanySchema>;

/** One person in `GET /employer/directory`. */
export const DirectoryIndividualSchema = z.object({
  id: z.string(),
  first_name: str,
  middle_name: str,
  last_name: str,
  manager: z.object({ id: z.string() }).nullable(),
  department: z.object({ name: str }).nullable(),
  is_active: z.boolean().nullable(),
});
/** A directory entry. */
export type DirectoryIndividual = z.infer<typeof DirectoryIndividualSchema>;

/** `Paging` of offset-paginated lists. */
export const PagingSchema = z.object({ count: z.number().int(), offset: z.number().int() }).meta({ id: "Paging" });

/** The body of `POST /employer/individual` per person. */
export const IndividualSchema = z
  .object({
    id: z.string(),
    first_name: str,
    middle_name: str,
    last_name: str,
    preferred_name: str,
    emails: z.array(z.object({ data: z.string(), type: z.enum(["work", "personal"]).nullable() })).nullable(),
    phone_numbers: z.array(z.object({ data: str, type: z.enum(["work", "personal"]).nullable() }).nullable()).nullable(),
    gender: z.enum(["female", "male", "other", "decline_to_specify"]).nullable(),
    ethnicity: z
      .enum([
        "asian",
        "white",
        "black_or_african_american",
        "native_hawaiian_or_pacific_islander",
        "american_indian_or_alaska_native",
        "hispanic_or_latino",
        "two_or_more_races",
        "decline_to_specify",
      ])
      .nullable(),
    marital_status: z.enum(["single", "married", "divorced", "widowed", "domestic_partner", "unknown"]).nullable(),
    dob: date,
    ssn: str.optional(),
    encrypted_ssn: str.optional(),
    residence: LocationSchema,
  })
  .meta({ id: "Individual" });
/** An individual. */
export type Individual = z.infer<typeof IndividualSchema>;

/** The body of `POST /employer/employment` per person. */
export const EmploymentSchema = z
  .object({
    id: z.string(),
    first_name: str,
    middle_name: str,
    last_name: str,
    title: str,
    manager: z.object({ id: z.string() }).nullable(),
    department: z.object({ name: str }).nullable(),
    employment: z
      .object({
        type: z.enum(["employee", "contractor"]).nullable(),
        subtype: z.enum(["full_time", "intern", "part_time", "temp", "seasonal", "individual_contractor"]).nullable(),
      })
      .nullable(),
    start_date: date,
    end_date: date,
    latest_rehire_date: date,
    is_active: z.boolean().nullable(),
    employment_status: z.enum(["active", "deceased", "leave", "onboarding", "prehire", "retired", "terminated"]).nullable(),
    flsa_status: z.enum(["exempt", "non_exempt", "unknown"]).nullable(),
    class_code: str,
    location: LocationSchema,
    income: IncomeSchema.optional(),
    income_history: z.array(IncomeSchema).nullable().optional(),
    custom_fields: z
      .array(z.object({ name: str, value: z.unknown() }))
      .nullable()
      .optional(),
    union_code: str,
    union_local: str,
    highly_compensated_employee: z.boolean().nullable(),
    key_employee: z.boolean().nullable(),
    source_id: str.optional(),
    work_id: str.optional(),
  })
  .meta({ id: "Employment" });
/** An employment record. */
export type Employment = z.infer<typeof EmploymentSchema>;

/** One element of `GET /employer/payment`. */
export const PaymentSchema = z
  .object({
    id: z.string(),
    pay_period: z.object({ start_date: date, end_date: date }).nullable(),
    pay_date: date,
    debit_date: date,
    company_debit: MoneySchema,
    gross_pay: MoneySchema,
    net_pay: MoneySchema,
    employer_taxes: MoneySchema,
    employee_taxes: MoneySchema,
    individual_ids: z.array(z.string()).nullable(),
    pay_group_ids: z.array(z.string()).nullable(),
    pay_frequencies: z.array(PayFrequencySchema).nullable(),
  })
  .meta({ id: "Payment" });
/** A payment (one payroll run). */
export type Payment = z.infer<typeof PaymentSchema>;

const BenefitTypeSchema = z.enum(BENEFIT_TYPES).nullable();

/** One pay statement (`PayStatement`). */
export const PayStatementSchema = z
  .object({
    individual_id: z.string(),
    type: z.enum(["off_cycle_payroll", "one_time_payment", "regular_payroll"]).nullable(),
    payment_method: z.enum(["check", "direct_deposit", "other"]).nullable(),
    total_hours: z.number().nullable(),
    gross_pay: MoneySchema,
    net_pay: MoneySchema,
    earnings: z
      .array(
        z
          .object({
            type: z
              .enum([
                "salary",
                "wage",
                "reimbursement",
                "overtime",
                "severance",
                "double_overtime",
                "pto",
                "sick",
                "bonus",
                "commission",
                "tips",
                "1099",
                "other",
              ])
              .nullable(),
            name: str,
            amount: z.number().int().nullable(),
            currency: str,
            hours: z.number().nullable(),
          })
          .nullable(),
      )
      .nullable(),
    taxes: z
      .array(
        z
          .object({
            type: z.enum(["state", "federal", "local", "fica"]).nullable(),
            name: str,
            employer: z.boolean().nullable(),
            amount: z.number().int().nullable(),
            currency: str,
          })
          .nullable(),
      )
      .nullable(),
    employee_deductions: z
      .array(
        z
          .object({
            name: str,
            amount: z.number().int().nullable(),
            currency: str,
            pre_tax: z.boolean().nullable(),
            type: BenefitTypeSchema,
          })
          .nullable(),
      )
      .nullable(),
    employer_contributions: z
      .array(z.object({ name: str, amount: z.number().int().nullable(), currency: str, type: BenefitTypeSchema }).nullable())
      .nullable(),
  })
  .meta({ id: "PayStatement" });
/** A pay statement. */
export type PayStatement = z.infer<typeof PayStatementSchema>;

/** One element of `GET /employer/pay-groups`. */
export const PayGroupSchema = z
  .object({ id: z.string(), name: z.string(), pay_frequencies: z.array(PayFrequencySchema) })
  .meta({ id: "PayGroup" });
/** `GET /employer/pay-groups/{id}`. */
export const PayGroupDetailSchema = PayGroupSchema.extend({ individual_ids: z.array(z.string()) }).meta({ id: "PayGroupDetail" });

/** Per-item error inside a batch response (`BatchError`). */
export const BatchErrorSchema = z.object({ code: z.number(), name: z.string(), finch_code: z.string().optional(), message: z.string() });
