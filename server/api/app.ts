import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Deps } from "../domain/deps.js";
import { FinchError } from "../domain/errors.js";
import { createLogger } from "../logging.js";
import { employerStatusRoutes } from "./connect-flow/employer-status.js";
import { connectFlowRoutes } from "./connect-flow/post-flows.js";
import { reportSetupRoutes } from "./connect-flow/report-setup-routes.js";
import { consoleAuthRoutes } from "./console/auth/console-auth-routes.js";
import { dashboardRoutes } from "./dashboard/dashboard-routes.js";
import { dashboardWebhookRoutes } from "./dashboard/webhook-routes.js";
import { demoRoutes } from "./demo/demo-routes.js";
import { clientErrorHandler, errorHandler, frameworkErrorHandler } from "./errors.js";
import { installFastReads } from "./fast-reads/fast-reads.js";
import { postToken } from "./finch/auth/post-token.js";
import { postSessions } from "./finch/connect/post-sessions.js";
import { postSessionsReauthenticate } from "./finch/connect/post-sessions-reauthenticate.js";
import { benefitReadRoutes } from "./finch/employer/benefits/benefit-read-routes.js";
import { benefitWriteRoutes } from "./finch/employer/benefits/benefit-write-routes.js";
import { getDocuments } from "./finch/employer/documents/get-documents.js";
import { getCompany } from "./finch/employer/get-company.js";
import { getDirectory } from "./finch/employer/get-directory.js";
import { getPayGroups } from "./finch/employer/get-pay-groups.js";
import { getPayment } from "./finch/employer/get-payment.js";
import { getPayStatementItem } from "./finch/employer/pay-statement-item/get-pay-statement-item.js";
import { payStatementItemRuleRoutes } from "./finch/employer/pay-statement-item/rule-routes.js";
import { getPlans } from "./finch/employer/plans/get-plans.js";
import { plansDependentsRoutes } from "./finch/employer/plans/plans-dependents.js";
import { plansEnrollmentsRoutes } from "./finch/employer/plans/plans-enrollments.js";
import { postEmployment } from "./finch/employer/post-employment.js";
import { postIndividual } from "./finch/employer/post-individual.js";
import { postLedgerItems } from "./finch/employer/post-ledger-items.js";
import { postPayStatement } from "./finch/employer/post-pay-statement.js";
import { getIntrospect } from "./finch/get-introspect.js";
import { getProviders } from "./finch/get-providers.js";
import { automatedJobRoutes } from "./finch/jobs/automated-jobs.js";
import { getManualJob } from "./finch/jobs/get-manual-job.js";
import { postDisconnect } from "./finch/post-disconnect.js";
import { postDisconnectEntity } from "./finch/post-disconnect-entity.js";
import { postForward } from "./finch/post-forward.js";
import { editOrgRoutes } from "./finch/sandbox/edit-org.js";
import { sandboxJobRoutes } from "./finch/sandbox/jobs.js";
import { postSandboxConnections } from "./finch/sandbox/post-connections.js";
import { postSandboxDirectory } from "./finch/sandbox/post-directory.js";
import { postSandboxPayment } from "./finch/sandbox/post-payment.js";
import { putSandboxConnectionsAccounts } from "./finch/sandbox/put-connections-accounts.js";
import { lazyChildLogger } from "./lazy-request-logger.js";
import { getLinnetConnection } from "./linnet/get-connection.js";
import { getLinnetEvents } from "./linnet/get-events.js";
import { opsAuditRoutes } from "./ops/audit-routes.js";
import { opsConnectionRoutes } from "./ops/connection-routes.js";
import { opsIngestRoute } from "./ops/ingest-route.js";
import { opsIntakeRoutes } from "./ops/intake-routes.js";
import { opsIntakeSourceRoutes } from "./ops/intake-source-routes.js";
import { opsManualJobRoutes } from "./ops/manual-job-routes.js";
import { opsPlansUploadRoute } from "./ops/plans-upload-route.js";
import { opsPullSourceRoutes } from "./ops/pull-source-routes.js";
import { opsQueueRoutes } from "./ops/queue-routes.js";
import { opsUploadRoutes, UPLOAD_CONTENT_TYPES } from "./ops/upload-routes.js";
import { registerAddressLimit } from "./rate-limit/address-limiter.js";
import { createRateLimiter } from "./rate-limit/index.js";
import { getHealthz } from "./system/get-healthz.js";
import { getMetrics } from "./system/get-metrics.js";
import { getReadyz } from "./system/get-readyz.js";
import { observeRequests } from "./system/observe-requests.js";
import type { RouteModule, ZodApp } from "./types.js";
import { registerPages } from "./web/pages.js";
import { registerReferencePage } from "./web/reference-page.js";

const ROUTES: RouteModule[] = [
  postSessions,
  postSessionsReauthenticate,
  postToken,
  getIntrospect,
  postDisconnect,
  postDisconnectEntity,
  postForward,
  getProviders,
  getCompany,
  getDirectory,
  postIndividual,
  postEmployment,
  getPayment,
  postPayStatement,
  postLedgerItems,
  getDocuments,
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
  opsAuditRoutes,
  opsConnectionRoutes,
  opsManualJobRoutes,
  opsUploadRoutes,
  opsIngestRoute,
  opsIntakeRoutes,
  opsIntakeSourceRoutes,
  opsPullSourceRoutes,
  connectFlowRoutes,
  employerStatusRoutes,
  reportSetupRoutes,
  demoRoutes,
  consoleAuthRoutes,
  dashboardRoutes,
  getHealthz,
  getReadyz,
  getMetrics,
  benefitReadRoutes,
  benefitWriteRoutes,
  dashboardWebhookRoutes,
  getLinnetEvents,
  getPayStatementItem,
  payStatementItemRuleRoutes,
  getPlans,
  plansEnrollmentsRoutes,
  plansDependentsRoutes,
  opsPlansUploadRoute,
];

/** One registered route: method and URL pattern (`/employer/pay-groups/:pay_group_id`). */
export interface RouteEntry {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered after the docs plugins, in order. */
    routeTable: RouteEntry[];
  }
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}$/;

/** Options for buildApp. */
export interface AppOptions {
  /** The process's logger (server/logging.ts); or a level for a plain JSON one (`silent` in tests). */
  logger?: Logger;
  logLevel?: string;
  /** Answer the hot reads on the fast path (default: `config.fastReads`); tests compare it with the routes. */
  fastReads?: boolean;
}

/**
 * Fastify's `trustProxy` from the configuration. A hop count becomes the function Fastify itself makes of one
 * (`hop < n`), because its typings take a count only through that form.
 */
function trustProxyOption(value: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === "number" ? (_address, hop) => hop < value : value;
}

/** Build the HTTP app: Finch-compatible API, hosted Connect, demo, docs. Does not listen. */
export async function buildApp(deps: Deps, opts: AppOptions): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: (opts.logger ?? createLogger({ logLevel: opts.logLevel ?? "info", logFormat: "json" }, {})) as FastifyBaseLogger,
    // one line per request, written below at `debug` only (Fastify's own would be two at `info`)
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    childLoggerFactory: lazyChildLogger,
    bodyLimit: 10 * 1024 * 1024,
    // X-Forwarded-For only from configured proxies: the client address feeds the sign-in throttle
    trustProxy: trustProxyOption(deps.config.trustProxy),
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // Provider exports are uploaded as raw bytes; the upload route sets its own (larger) body limit.
  app.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: "buffer", bodyLimit: deps.config.uploadMaxBytes }, (_req, body, done) =>
    done(null, body),
  );
  // An empty body sent as JSON reads as no body: the official SDKs send `Content-Type: application/json` with nothing
  // after it when every parameter is optional (`sandbox.directory.create()`); a route that needs a body then says so
  // by name through its schema, as it would for a missing body.
  const jsonParser = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === "") return done(null, undefined);
    return jsonParser(request, text, done);
  });
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
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  observeRequests(app, deps);
  const rateLimiter = createRateLimiter(deps.config, deps.log);
  app.decorate("rateLimiter", rateLimiter);
  app.addHook("onClose", () => rateLimiter.close());
  registerAddressLimit(app, deps);

  // every route as registered, so tests can walk all of them (the path-id property test does)
  const routeTable: RouteEntry[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) if (method !== "HEAD") routeTable.push({ method, url: r.url });
  });
  app.decorate("routeTable", routeTable);
  for (const route of ROUTES) route(app, deps);
  registerPages(app, deps.config);
  registerReferencePage(app);
  if (opts.fastReads ?? deps.config.fastReads) installFastReads(app, deps);
  return app;
}
