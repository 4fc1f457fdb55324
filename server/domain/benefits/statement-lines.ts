/**
 * The parts of a stored pay statement's JSON that benefits code reads: who it pays, the gross pay, and the deduction
 * and contribution lines (matched to benefits by name or type).
 */

/** One deduction or contribution line. */
export interface Line {
  name?: string | null;
  amount?: number | null;
  type?: string | null;
}

/** A pay statement as benefits code reads it. */
export interface Statement {
  individual_id: string;
  gross_pay?: { amount?: number | null } | null;
  employee_deductions?: (Line | null)[] | null;
  employer_contributions?: (Line | null)[] | null;
}
