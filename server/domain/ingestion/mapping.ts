/** A mapping: which column of a payroll system's report feeds which field, and how its values are written. */

import type { z } from "zod";
import type { Employment, Individual, PayStatement } from "../../../contracts/finch/employer.js";
import type { ValueMapsSchema } from "../../../contracts/linnet/ops.js";
import type { PaySnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import { PAY_LINES } from "./pay-lines.js";
import { W4_FIELDS } from "./w4-row.js";

/** Census (organization) fields. */
export const ORG_FIELDS = [
  "source_id",
  "first_name",
  "middle_name",
  "last_name",
  "preferred_name",
  "work_email",
  "personal_email",
  "work_phone",
  "personal_phone",
  "dob",
  "ssn",
  "gender",
  "address_line1",
  "address_line2",
  "address_city",
  "address_state",
  "address_postal_code",
  "address_country",
  "title",
  "department",
  "manager_id",
  "employment_type",
  "employment_subtype",
  "employment_status",
  "start_date",
  "end_date",
  "rehire_date",
  "flsa_status",
  "class_code",
  "pay_rate",
  "pay_unit",
  "pay_effective_date",
  "location_name",
  "location_line1",
  "location_line2",
  "location_city",
  "location_state",
  "location_postal_code",
  "location_country",
  ...W4_FIELDS,
] as const;

/** Payroll register fields (one row per pay statement); the tax, deduction, contribution and earning columns are in PAY_LINES. */
export const PAY_FIELDS = [
  "source_id",
  "pay_date",
  "period_start",
  "period_end",
  "payroll_id",
  "check_number",
  "pay_group",
  "pay_frequency",
  "statement_type",
  "payment_method",
  "hours",
  "gross",
  "net",
  ...PAY_LINES.map((line) => line.field),
] as const;

/** A census field. */
export type OrgField = (typeof ORG_FIELDS)[number];
/** A payroll register field. */
export type PayField = (typeof PAY_FIELDS)[number];
/** Any field a column can feed. `source_id` is the employee id in both groups. */
export type MappedField = OrgField | PayField;

/** Fields a file must have for its rows to mean anything; detection and validation need them. */
export const REQUIRED_FIELDS: { org: readonly OrgField[]; pay: readonly PayField[] } = {
  org: ["source_id", "first_name", "last_name"],
  pay: ["source_id", "pay_date", "gross", "net"],
};

/** How dates are written in the file (ISO `YYYY-MM-DD` is always accepted too, as XLSX date cells arrive so). */
export type DateFormat = "YYYY-MM-DD" | "MM/DD/YYYY" | "DD/MM/YYYY" | "M/D/YY";

/** An employment type as Finch models it. */
export type EmploymentClass = NonNullable<Employment["employment"]>;
/** An employment status. */
export type EmploymentStatus = NonNullable<Employment["employment_status"]>;
/** A pay frequency. */
export type PayFrequency = PaySnapshotInput["pay_groups"][number]["pay_frequencies"][number];
/** An FLSA status. */
export type FlsaStatus = NonNullable<Employment["flsa_status"]>;
/** A gender. */
export type Gender = NonNullable<Individual["gender"]>;
/** The unit of a pay rate. */
export type IncomeUnit = NonNullable<NonNullable<Employment["income"]>["unit"]>;
/** How a statement was paid. */
export type PaymentMethod = NonNullable<PayStatement["payment_method"]>;
/** The kind of a pay statement. */
export type StatementType = NonNullable<PayStatement["type"]>;

/**
 * Source values → normalized values, per field; keys compare case- and space-insensitively. Inferred from the wire
 * contract (`ValueMapsSchema`) so that every template the console lists passes its own schema.
 */
export type ValueMaps = z.infer<typeof ValueMapsSchema>;

/** Which columns feed which fields, and how the file writes dates, amounts and coded values. */
export interface Mapping {
  /** Census (`org`) or payroll register (`pay`). */
  group: "org" | "pay";
  /** Field → column header as the report names it (matched case- and space-insensitively). */
  columns: Partial<Record<MappedField, string>>;
  /** How dates are written. */
  dateFormat: DateFormat;
  /** Coded values this report uses, on top of the built-in common spellings. */
  valueMaps?: ValueMaps;
  /** Whether amounts are dollars (`1,234.56`) or whole cents. */
  amountsIn: "dollars" | "cents";
}

/** A ready-made mapping for one report of one payroll system. */
export interface MappingTemplate {
  /** The provider's id in the catalog, e.g. `adp_workforce_now`. */
  provider_id: string;
  /** Census or payroll register. */
  group: "org" | "pay";
  /** The report's name as operators know it. */
  name: string;
  /** The mapping. */
  mapping: Mapping;
}
