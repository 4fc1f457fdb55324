import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FinchErrorBody } from "../../contracts/finch/errors.js";
import { FinchError, type Result } from "../domain/errors.js";

/** Return a result's value or throw its FinchError for the error handler to present. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** Turn a zod validation failure into one message naming every bad field, e.g. `body.customer_id: Required`. */
function validationMessage(err: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(err)) return err.message;
  const where = err.validationContext ?? "body";
  return err.validation
    .map((v) => {
      const field = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
      return `${where}${field ? `.${field}` : ""}: ${v.message}`;
    })
    .join("; ");
}

/** Map Fastify's own client errors (bad JSON, wrong content type, too large) to Finch errors. */
function fromFastify(err: FastifyError): FinchError | null {
  if (hasZodFastifySchemaValidationErrors(err)) return new FinchError("invalid_request", validationMessage(err));
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new FinchError("malformed_request", "The request body is not valid JSON");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new FinchError("payload_too_large", "The request body is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new FinchError("unsupported_media_type", "Send the request body as application/json");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new FinchError("malformed_request", "The Content-Length header does not match the body");
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new FinchError("invalid_request", err.message);
  return null;
}

/**
 * Fields some operations' error bodies carry besides `{ code, name, finch_code, message }`, because the spec says so:
 * a route names them in its `config.errorExtras` (e.g. `/jobs/automated`'s `statusCode` and `status`).
 */
export type ErrorExtras = (request: FastifyRequest, body: FinchErrorBody) => Record<string, unknown>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Extra fields of this route's error bodies. */
    errorExtras?: ErrorExtras;
  }
}

/** `statusCode` and `status` (the spec's `ErrorResponse`), as `/jobs/automated` and `/disconnect-entity` answer. */
export const statusFields: ErrorExtras = (_request, body) => ({ statusCode: body.code, status: body.code });

/** The one error handler: every error leaves as `{ code, name, finch_code, message }`, never a stack. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const finch = err instanceof FinchError ? err : fromFastify(err);
  if (finch) {
    if (finch.status >= 500) request.log.error({ err }, "request failed");
    const body = finch.toBody();
    const extras = request.routeOptions?.config?.errorExtras;
    return reply.status(finch.status).send(extras ? { ...body, ...extras(request, body) } : body);
  }
  request.log.error({ err }, "unhandled error");
  return reply.status(500).send(new FinchError("server_error", `Internal server error; quote request id ${request.id}`).toBody());
}
