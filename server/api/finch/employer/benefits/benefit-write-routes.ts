import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  BenefitJobResponseSchema,
  CreateBenefitBodySchema,
  EnrollBodySchema,
  JobResponseSchema,
  RegisterBenefitBodySchema,
  UnenrollBodySchema,
  UpdateBenefitBodySchema,
} from "../../../../../contracts/finch/benefits.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { type BenefitWrite, writeBenefit } from "../../../../domain/benefits/write-benefits.js";
import type { Deps } from "../../../../domain/deps.js";
import { unwrap } from "../../../errors.js";
import { presentBenefitWrite } from "../../../presenters/benefit-write.presenter.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery } from "../employer-read.js";
import { idempotencyKeyOf, openBenefitsCall } from "./open-benefits.js";

const common = { tags: ["Deductions"], security: [{ bearerAuth: [] }] };
const params = z.object({ benefit_id: z.string() });
const querystring = z.object(EntityIdsQuery);

/** Authorize, then hand the write to the domain and answer with its job (or the stored answer of a retried key). */
async function handleWrite(deps: Deps, request: FastifyRequest, reply: FastifyReply, write: BenefitWrite) {
  const key = idempotencyKeyOf(request);
  const open = await openBenefitsCall(deps, request, reply);
  if (!open) return reply;
  const answer = presentBenefitWrite(unwrap(await writeBenefit(deps, open.ctx, open.orgSnapshotId, write, key)));
  return reply.status(answer.status).send(answer.body);
}

/** The deductions API's writes: each answers at once with a `job_id` (see domain/benefits/write-benefits.ts). */
export const benefitWriteRoutes: RouteModule = (app, deps) => {
  app.post(
    "/employer/benefits",
    {
      schema: {
        ...common,
        summary: "Create a benefit",
        querystring,
        body: CreateBenefitBodySchema.default({}),
        response: { 201: BenefitJobResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    (request, reply) => handleWrite(deps, request, reply, { type: "benefit_create", body: request.body }),
  );
  app.post(
    "/employer/benefits/register",
    {
      schema: {
        ...common,
        summary: "Register an existing benefit (assisted)",
        querystring,
        body: RegisterBenefitBodySchema.default({}),
        response: { 201: BenefitJobResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    (request, reply) => handleWrite(deps, request, reply, { type: "benefit_register", body: request.body }),
  );
  app.post(
    "/employer/benefits/:benefit_id",
    {
      schema: {
        ...common,
        summary: "Update a benefit",
        params,
        querystring,
        body: UpdateBenefitBodySchema.default({}),
        response: { 200: BenefitJobResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    (request, reply) =>
      handleWrite(deps, request, reply, { type: "benefit_update", benefitId: request.params.benefit_id, body: request.body }),
  );
  app.post(
    "/employer/benefits/:benefit_id/individuals",
    {
      schema: {
        ...common,
        summary: "Enroll individuals in a benefit",
        params,
        querystring,
        body: EnrollBodySchema.default([]),
        response: { 200: JobResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    (request, reply) =>
      handleWrite(deps, request, reply, { type: "benefit_enroll", benefitId: request.params.benefit_id, body: request.body }),
  );
  app.delete(
    "/employer/benefits/:benefit_id/individuals",
    {
      schema: {
        ...common,
        summary: "Unenroll individuals from a benefit",
        params,
        querystring,
        body: UnenrollBodySchema.default({}),
        response: { 200: JobResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    (request, reply) =>
      handleWrite(deps, request, reply, { type: "benefit_unenroll", benefitId: request.params.benefit_id, body: request.body }),
  );
};
