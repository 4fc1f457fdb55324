import { z } from "zod";
import {
  BenefitFeatureSchema,
  CompanyBenefitSchema,
  EnrolledIdsSchema,
  IndividualBenefitsSchema,
} from "../../../../../contracts/finch/benefits.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { benefitsMeta } from "../../../../domain/benefits/benefit-features.js";
import { activeBenefit, enrolledIds, individualBenefits, listBenefits } from "../../../../domain/benefits/read-benefits.js";
import { unwrap } from "../../../errors.js";
import { presentBenefit, presentEnrolledIds, presentIndividualBenefits } from "../../../presenters/benefit.presenter.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery } from "../employer-read.js";
import { openBenefitsCall } from "./open-benefits.js";

const common = { tags: ["Deductions"], security: [{ bearerAuth: [] }] };
const params = z.object({ benefit_id: z.string() });
const query = z.object(EntityIdsQuery);

/** The deductions API's reads: benefits, their metadata, who is enrolled and with what. */
export const benefitReadRoutes: RouteModule = (app, deps) => {
  app.get(
    "/employer/benefits",
    {
      schema: {
        ...common,
        summary: "List the company's benefits",
        querystring: query,
        response: { 200: z.array(CompanyBenefitSchema), "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openBenefitsCall(deps, request, reply);
      return open ? (await listBenefits(deps, open.ctx)).map(presentBenefit) : reply;
    },
  );
  app.get(
    "/employer/benefits/meta",
    {
      schema: {
        ...common,
        summary: "Supported benefit types and their features",
        querystring: query,
        response: { 200: z.array(BenefitFeatureSchema), "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openBenefitsCall(deps, request, reply);
      return open ? benefitsMeta() : reply;
    },
  );
  app.get(
    "/employer/benefits/:benefit_id",
    {
      schema: {
        ...common,
        summary: "One benefit",
        params,
        querystring: query,
        response: { 200: CompanyBenefitSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openBenefitsCall(deps, request, reply);
      return open ? presentBenefit(unwrap(await activeBenefit(deps, open.ctx, request.params.benefit_id))) : reply;
    },
  );
  app.get(
    "/employer/benefits/:benefit_id/enrolled",
    {
      schema: {
        ...common,
        summary: "Individuals enrolled in a benefit",
        params,
        querystring: query,
        response: { 200: EnrolledIdsSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openBenefitsCall(deps, request, reply);
      return open ? presentEnrolledIds(unwrap(await enrolledIds(deps, open.ctx, request.params.benefit_id))) : reply;
    },
  );
  app.get(
    "/employer/benefits/:benefit_id/individuals",
    {
      schema: {
        ...common,
        summary: "Enrollments of individuals in a benefit",
        params,
        querystring: query.extend({ individual_ids: z.string().optional() }),
        response: { 200: IndividualBenefitsSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openBenefitsCall(deps, request, reply);
      if (!open) return reply;
      const ids = request.query.individual_ids
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      return presentIndividualBenefits(
        unwrap(await individualBenefits(deps, open.ctx, request.params.benefit_id, ids?.length ? ids : null)),
      );
    },
  );
};
