import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Deps } from "../domain/deps.js";
import { FinchError } from "../domain/errors.js";
import { connectFlowRoutes } from "./connect-flow/post-flows.js";
import { consoleAuthRoutes } from "./console/auth/console-auth-routes.js";
import { dashboardRoutes } from "./dashboard/dashboard-routes.js";
import { employerStatusRoutes } from "./connect-flow/employer-status.js";
import { demoRoutes } from "./demo/demo-routes.js";
import { errorHandler } from "./errors.js";
import { lazyChildLogger } from "./lazy-request-logger.js";
import { createRateLimiter } from "./rate-limit/index.js";
import { postToken } from "./finch/auth/post-token.js";
import { postSessions } from "./finch/connect/post-sessions.js";
import { postSessionsReauthenticate } from "./finch/connect/post-sessions-reauthenticate.js";
import { getCompany } from "./finch/employer/get-company.js";
import { getDirectory } from "./finch/employer/get-directory.js";
import { getPayGroups } from "./finch/employer/get-pay-groups.js";
import { getPayment } from "./finch/employer/get-payment.js";
import { postEmployment } from "./finch/employer/post-employment.js";
import { postIndividual } from "./finch/employer/post-individual.js";
import { postPayStatement } from "./finch/employer/post-pay-statement.js";
import { getPayStatementItem } from "./finch/employer/pay-statement-item/get-pay-statement-item.js";
import { payStatementItemRuleRoutes } from "./finch/employer/pay-statement-item/rule-routes.js";
import { getIntrospect } from "./finch/get-introspect.js";
import { automatedJobRoutes } from "./finch/jobs/automated-jobs.js";
import { getManualJob } from "./finch/jobs/get-manual-job.js";
import { editOrgRoutes } from "./finch/sandbox/edit-org.js";
import { sandboxJobRoutes } from "./finch/sandbox/jobs.js";
import { postSandboxConnections } from "./finch/sandbox/post-connections.js";
import { postSandboxDirectory } from "./finch/sandbox/post-directory.js";
import { postSandboxPayment } from "./finch/sandbox/post-payment.js";
import { putSandboxConnectionsAccounts } from "./finch/sandbox/put-connections-accounts.js";
import { getProviders } from "./finch/get-providers.js";
import { postDisconnect } from "./finch/post-disconnect.js";
import { getLinnetConnection } from "./linnet/get-connection.js";
import { opsConnectionRoutes } from "./ops/connection-routes.js";
import { opsIngestRoute } from "./ops/ingest-route.js";
import { opsIntakeRoutes } from "./ops/intake-routes.js";
import { opsUploadRoutes, UPLOAD_CONTENT_TYPES } from "./ops/upload-routes.js";
import { opsManualJobRoutes } from "./ops/manual-job-routes.js";
import { opsQueueRoutes } from "./ops/queue-routes.js";
import { getHealthz } from "./system/get-healthz.js";
import type { RouteModule, ZodApp } from "./types.js";
import { benefitReadRoutes } from "./finch/employer/benefits/benefit-read-routes.js";
import { benefitWriteRoutes } from "./finch/employer/benefits/benefit-write-routes.js";
import { registerPages } from "./web/pages.js";
import { dashboardWebhookRoutes } from "./dashboard/webhook-routes.js";
import { getLinnetEvents } from "./linnet/get-events.js";

const ROUTES: RouteModule[] = [
  postSessions,
  postSessionsReauthenticate,
  postToken,
  getIntrospect,
  postDisconnect,
  getProviders,
  getCompany,
  getDirectory,
  postIndividual,
  postEmployment,
  getPayment,
  postPayStatement,
  getPayGroups,
  automatedJobRoutes,
  getManualJob,
  postSandboxConnections,
  putSandboxConnectionsAccounts,
  editOrgRoutes,
  postSandboxDirectory,
  postSandboxPayment,
  sandboxJobRoutes,
  getLinnetConnection,
  opsQueueRoutes,
  opsConnectionRoutes,
  opsManualJobRoutes,
  opsUploadRoutes,
  opsIngestRoute,
  opsIntakeRoutes,
  connectFlowRoutes,
  employerStatusRoutes,
  demoRoutes,
  consoleAuthRoutes,
  dashboardRoutes,
  getHealthz,
  benefitReadRoutes,
  benefitWriteRoutes,
  dashboardWebhookRoutes,
  getLinnetEvents,
  getPayStatementItem,
  payStatementItemRuleRoutes,
];

const API_VERSION = /^\d{4}-\d{2}-\d{2}$/;

/** Options for buildApp. */
export interface AppOptions {
  /** Pino log level; `silent` in tests. */
  logLevel: string;
}

/** Build the HTTP app: Finch-compatible API, hosted Connect, demo, docs. Does not listen. */
export async function buildApp(deps: Deps, opts: AppOptions): Promise<ZodApp> {
  const app = Fastify({
    logger: {
      level: opts.logLevel,
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']"], censor: "[redacted]" },
    },
    genReqId: () => randomUUID(),
    childLoggerFactory: lazyChildLogger,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  // Provider exports are uploaded as raw bytes; the upload route sets its own (larger) body limit.
  app.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: "buffer", bodyLimit: deps.config.uploadMaxBytes }, (_req, body, done) => done(null, body));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const err = new FinchError("not_found", `No route ${request.method} ${request.url.split("?")[0]}`);
    return reply.status(404).send(err.toBody());
  });

  // a callback hook, not an async one: it runs on every request, and needs no promise
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("finch-request-id", request.id);
    const version = request.headers["finch-api-version"];
    if (typeof version === "string" && !API_VERSION.test(version)) {
      done(new FinchError("invalid_request", "Finch-API-Version: must be a date such as 2020-09-17"));
      return;
    }
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Linnet API",
        version: "2020-09-17",
        description: "Finch-compatible employment-data API with assisted connections. Point a Finch SDK's baseURL here.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: "http", scheme: "bearer" },
          basicAuth: { type: "http", scheme: "basic" },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/reference" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const rateLimiter = createRateLimiter(deps.config, deps.log);
  app.decorate("rateLimiter", rateLimiter);
  app.addHook("onClose", () => rateLimiter.close());

  for (const route of ROUTES) route(app, deps);
  registerPages(app);
  return app;
}
