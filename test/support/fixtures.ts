import type { OrgSnapshotInput, PaymentInput, PersonInput } from "../../contracts/linnet/snapshot-input.js";

const loc = { line1: "1 Main St", line2: null, city: "Austin", state: "TX", postal_code: "78701", country: "US" };

/** A small hand-made person; `n` makes names, ids and SSNs distinct. */
export function person(n: number, manager: string | null, extra: Partial<PersonInput["employment"]> = {}): PersonInput {
  return {
    source_id: `E${String(n).padStart(4, "0")}`,
    individual: {
      first_name: `First${n}`,
      middle_name: null,
      last_name: `Last${n}`,
      preferred_name: null,
      emails: [{ data: `p${n}@acme.test`, type: "work" }],
      phone_numbers: null,
      gender: "decline_to_specify",
      ethnicity: null,
      marital_status: null,
      dob: "1990-01-01",
      ssn: `123-45-${String(1000 + n).slice(-4)}`,
      residence: loc,
    },
    employment: {
      title: n === 1 ? "CEO" : "Engineer",
      manager_source_id: manager,
      department: { name: n === 1 ? "Executive" : "Engineering" },
      employment: { type: "employee", subtype: "full_time" },
      start_date: "2020-01-01",
      end_date: null,
      latest_rehire_date: null,
      is_active: true,
      employment_status: "active",
      flsa_status: "exempt",
      class_code: null,
      location: loc,
      income: { unit: "yearly", amount: 10_000_000 + n, currency: "usd", effective_date: "2024-01-01" },
      income_history: null,
      custom_fields: null,
      union_code: null,
      union_local: null,
      highly_compensated_employee: false,
      key_employee: false,
      ...extra,
    },
  };
}

/** An org snapshot of `size` people reporting to person 1. */
export function orgInput(size: number, companyName = "Acme, Inc."): OrgSnapshotInput {
  return {
    company: {
      legal_name: companyName,
      entity: { type: "corporation", subtype: "c_corporation" },
      primary_email: "hr@acme.test",
      primary_phone_number: "+15125550100",
      departments: [{ name: "Engineering", parent: null }],
      ein: "12-3456789",
      locations: [loc],
      accounts: [
        {
          routing_number: "021000021",
          account_name: "Operating",
          institution_name: "Chase",
          account_type: "checking",
          account_number: "9876543210",
        },
      ],
    },
    people: Array.from({ length: size }, (_, i) => person(i + 1, i === 0 ? null : "E0001")),
  };
}

/** A payment on `payDate` paying each given person $1,000 gross / $700 net. */
export function payment(sourceId: string, payDate: string, people: string[]): PaymentInput {
  const money = (amount: number) => ({ amount, currency: "usd" });
  return {
    source_id: sourceId,
    pay_period: { start_date: payDate, end_date: payDate },
    pay_date: payDate,
    debit_date: payDate,
    company_debit: money(people.length * 107_650),
    gross_pay: money(people.length * 100_000),
    net_pay: money(people.length * 70_000),
    employer_taxes: money(people.length * 7_650),
    employee_taxes: money(people.length * 20_000),
    pay_frequencies: ["bi_weekly"],
    pay_group_source_ids: ["G1"],
    pay_statements: people.map((p) => ({
      individual_source_id: p,
      type: "regular_payroll" as const,
      payment_method: "direct_deposit" as const,
      total_hours: 80,
      gross_pay: money(100_000),
      net_pay: money(70_000),
      earnings: [{ type: "salary" as const, name: "Salary", amount: 100_000, currency: "usd", hours: 80 }],
      taxes: [{ type: "federal" as const, name: "Federal income tax", employer: false, amount: 20_000, currency: "usd" }],
      employee_deductions: [{ name: "401k", amount: 10_000, currency: "usd", pre_tax: true, type: "401k" as const }],
      employer_contributions: [],
    })),
  };
}
