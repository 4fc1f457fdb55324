import type { z } from "zod";
import type { CompanyBenefit, EnrolledIdsSchema, IndividualBenefit, IndividualBenefitsSchema } from "../../../contracts/finch/benefits.js";
import type { BenefitRow, EnrollmentRow } from "../../db/repositories/benefits.repository.js";
import type { IndividualEnrollment } from "../../domain/benefits/read-benefits.js";

/** A benefit as `CompanyBenefit`. */
export function presentBenefit(b: BenefitRow): CompanyBenefit {
  return {
    benefit_id: b.id,
    type: b.type as CompanyBenefit["type"],
    description: b.description,
    frequency: b.frequency as CompanyBenefit["frequency"],
    company_contribution: (b.companyContribution ?? null) as CompanyBenefit["company_contribution"],
  };
}

/** An enrollment as `IndividualBenefit`. */
export function presentEnrollment(e: EnrollmentRow): IndividualBenefit {
  return {
    employee_deduction: (e.employeeDeduction ?? null) as IndividualBenefit["employee_deduction"],
    company_contribution: (e.companyContribution ?? null) as IndividualBenefit["company_contribution"],
    annual_maximum: e.annualMaximum,
    catch_up: e.catchUp,
    hsa_contribution_limit: (e.hsaContributionLimit ?? null) as IndividualBenefit["hsa_contribution_limit"],
  };
}

/** `GET /employer/benefits/{id}/enrolled`'s body. */
export function presentEnrolledIds(e: { benefitId: string; individualIds: string[] }): z.infer<typeof EnrolledIdsSchema> {
  return { benefit_id: e.benefitId, individual_ids: e.individualIds };
}

/** `GET /employer/benefits/{id}/individuals`'s body: a 200 item per enrollment, a 404 item for someone not enrolled. */
export function presentIndividualBenefits(items: IndividualEnrollment[]): z.infer<typeof IndividualBenefitsSchema> {
  return items.map(({ individualId: id, enrollment }) =>
    enrollment
      ? { individual_id: id, code: 200, body: presentEnrollment(enrollment) }
      : {
          individual_id: id,
          code: 404,
          body: {
            code: 404,
            name: "not_found_error",
            finch_code: "enrollment_not_found",
            message: `Individual '${id}' is not enrolled in this benefit`,
          },
        },
  );
}
