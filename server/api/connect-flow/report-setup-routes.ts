import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { AddPublicKeySchema } from "../../../contracts/linnet/intake.js";
import { ReportCredentialsSchema, ReportSetupSchema } from "../../../contracts/linnet/report-setup.js";
import { addReportKey, createReportCredentials, reportSetup } from "../../domain/intake/employer-setup.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ token: z.string().max(200) });

/** The status page's scheduled-report setup: read it, create credentials (shown once), add a public key. */
export const reportSetupRoutes: RouteModule = (app, deps) => {
  app.get(
    "/connect/api/status/:token/report-setup",
    { schema: { hide: true, params, response: { 200: ReportSetupSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await reportSetup(deps, request.params.token)),
  );
  app.post(
    "/connect/api/status/:token/report-setup/password",
    { schema: { hide: true, params, response: { 200: ReportCredentialsSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await createReportCredentials(deps, request.params.token)),
  );
  app.post(
    "/connect/api/status/:token/report-setup/keys",
    { schema: { hide: true, params, body: AddPublicKeySchema, response: { 200: ReportSetupSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await addReportKey(deps, request.params.token, request.body.public_key)),
  );
};
