import type { FinchErrorBody } from "../../contracts/finch/errors.js";

/**
 * Every expected failure, by stable id, with its HTTP status and Finch error `name` / `finch_code`.
 * Tests assert on ids and codes, never on message text.
 */
export const ERRORS = {
  invalid_request: { status: 400, name: "bad_request", finch_code: "invalid_request" },
  malformed_request: { status: 400, name: "bad_request", finch_code: "malformed_request" },
  invalid_grant: { status: 400, name: "invalid_grant_error", finch_code: "invalid_grant" },
  connection_already_exists: { status: 400, name: "bad_request", finch_code: "connection_already_exists" },
  connection_not_found: { status: 400, name: "bad_request", finch_code: "connection_not_found" },
  session_expired: { status: 400, name: "bad_request", finch_code: "session_expired" },
  session_completed: { status: 400, name: "bad_request", finch_code: "session_completed" },
  invalid_credentials: { status: 400, name: "bad_request", finch_code: "invalid_credentials" },
  invalid_client: { status: 401, name: "invalid_client_error", finch_code: "invalid_client" },
  unauthorized: { status: 401, name: "unauthorized_request_error", finch_code: "unauthorized" },
  invalid_token: { status: 401, name: "invalid_token_error", finch_code: "invalid_token" },
  reauthenticate_user: { status: 401, name: "authentication_error", finch_code: "reauthenticate_user" },
  insufficient_scope: { status: 403, name: "insufficient_scope_error", finch_code: "insufficient_scope" },
  not_found: { status: 404, name: "not_found_error", finch_code: "item_not_found" },
  batch_limit_exceeded: { status: 422, name: "unprocessable_entity_error", finch_code: "batch_limit_exceeded" },
  page_size_limit_exceeded: { status: 422, name: "unprocessable_entity_error", finch_code: "page_size_limit_exceeded" },
  confirmation_required: { status: 409, name: "conflict_error", finch_code: "confirmation_required" },
  payload_too_large: { status: 413, name: "bad_request", finch_code: "payload_too_large" },
  unsupported_media_type: { status: 415, name: "bad_request", finch_code: "unsupported_media_type" },
  uri_too_long: { status: 414, name: "bad_request", finch_code: "uri_too_long" },
  request_timeout: { status: 408, name: "bad_request", finch_code: "request_timeout" },
  headers_too_large: { status: 431, name: "bad_request", finch_code: "request_header_fields_too_large" },
  rate_limited: { status: 429, name: "rate_limit_exceeded_error", finch_code: "finch_application_rl" },
  server_error: { status: 500, name: "server_error", finch_code: "server_error" },
  service_unavailable: { status: 503, name: "service_unavailable_error", finch_code: "service_unavailable" },
  benefit_not_found: { status: 404, name: "not_found_error", finch_code: "benefit_not_found" },
  individual_not_found: { status: 404, name: "not_found_error", finch_code: "individual_not_found" },
  unprocessable_parameters: { status: 422, name: "unprocessable_request_error", finch_code: "unprocessable_parameters" },
  invalid_employee_enrollment: { status: 422, name: "unprocessable_request_error", finch_code: "invalid_employee_enrollment" },
  idempotency_key_reused: { status: 422, name: "unprocessable_request_error", finch_code: "idempotency_key_reused" },
  not_implemented: { status: 501, name: "not_implemented_error", finch_code: "not_implemented" },
} as const;

/** A stable error id. */
export type ErrorId = keyof typeof ERRORS;

/** An expected failure: carries its id, a human message, and optional context for the body. */
export class FinchError extends Error {
  readonly id: ErrorId;
  readonly context: Record<string, string> | undefined;
  constructor(id: ErrorId, message: string, context?: Record<string, string>) {
    super(message);
    this.id = id;
    this.context = context;
  }
  /** HTTP status for this error. */
  get status(): number {
    return ERRORS[this.id].status;
  }
  /** The wire body `{ code, name, finch_code, message }`. */
  toBody(): FinchErrorBody {
    const e = ERRORS[this.id];
    return {
      code: e.status,
      name: e.name,
      finch_code: e.finch_code,
      message: this.message,
      ...(this.context ? { context: this.context } : {}),
    };
  }
}

/** A domain result: expected failures are values, bugs are throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: FinchError };

/** Wrap a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wrap an expected failure. */
export const fail = <T = never>(id: ErrorId, message: string, context?: Record<string, string>): Result<T> => ({
  ok: false,
  error: new FinchError(id, message, context),
});
