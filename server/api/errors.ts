import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FinchErrorBody } from "../../contracts/finch/errors.js";
import { FinchError, type Result } from "../domain/errors.js";
import { isDatabaseOutage } from "../domain/health/outage.js";

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
  if (isDatabaseOutage(err)) {
    // the pool reconnects on its own: tell the client when to come back
    request.log.warn({ err: { code: (err as { code?: string }).code, message: err.message } }, "database unavailable");
    reply.header("Retry-After", "2");
    return reply.status(503).send(new FinchError("service_unavailable", "The database is unavailable; retry shortly").toBody());
  }
  request.log.error({ err }, "unhandled error");
  return reply.status(500).send(new FinchError("server_error", `Internal server error; quote request id ${request.id}`).toBody());
}

/**
 * Fastify's `frameworkErrors`: errors raised while routing, before any handler (a path parameter longer than
 * `maxParamLength` → 414, a malformed percent-encoding → 400), answered in the Finch shape like every other error.
 */
export function frameworkErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const finch =
    err.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new FinchError("uri_too_long", "The URL is too long: a path segment exceeds 100 characters")
      : new FinchError(
          "invalid_request",
          err.code === "FST_ERR_BAD_URL" ? "The URL is not valid (bad percent-encoding)" : "The request could not be routed",
        );
  return reply.status(finch.status).send(finch.toBody());
}

/**
 * Fastify's `clientErrorHandler`: the HTTP parser refused the request before Fastify saw it (headers, request line
 * included, over Node's 16 KB limit → 431; a timeout → 408; anything else → 400). Written straight to the socket,
 * in the Finch shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, text, body] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [
          431,
          "Request Header Fields Too Large",
          new FinchError("headers_too_large", "The request line and headers are larger than 16 KB").toBody(),
        ]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", new FinchError("request_timeout", "The request was not received in time").toBody()]
        : [400, "Bad Request", new FinchError("malformed_request", "The request is not valid HTTP").toBody()];
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(json)}\r\nContent-Type: application/json\r\n\r\n${json}`,
    );
  }
  socket.destroy(err);
}
