import type { FinchErrorBody } from "../../contracts/finch/errors.js";
import { ApiError } from "../ui/fetch-json.js";

/**
 * The console's HTTP client: JSON or raw bodies, every method, the session's CSRF token on unsafe requests, and a
 * signal when the session has ended so the app can show the sign-in screen again.
 */

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** Remembers the session's CSRF token (null after sign-out); sent as `x-csrf-token` on POST, PUT and DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever an API call answers 401 (the session expired); returns the unsubscribe function. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Options of {@link consoleFetch}. */
export interface ConsoleFetchOptions {
  /** HTTP method; GET unless a body is given (then POST). */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as a JSON body. */
  json?: unknown;
  /** Sent as the raw body (application/octet-stream), e.g. an uploaded file. */
  raw?: Blob;
  /** A 401 is an answer, not an expired session (the sign-in calls themselves). */
  expect401?: boolean;
}

function isFinchError(value: unknown): value is FinchErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["message"] === "string" && typeof v["code"] === "number";
}

function headersFor(method: string, options: ConsoleFetchOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  if (options.raw !== undefined) headers["content-type"] = "application/octet-stream";
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  return headers;
}

/** Calls a console endpoint; resolves with the JSON answer (undefined for 204), throws {@link ApiError} otherwise. */
export async function consoleFetch<T>(url: string, options: ConsoleFetchOptions = {}): Promise<T> {
  const hasBody = options.json !== undefined || options.raw !== undefined;
  const method = options.method ?? (hasBody ? "POST" : "GET");
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: headersFor(method, options),
      body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      credentials: "same-origin",
    });
  } catch {
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body: FinchErrorBody = isFinchError(payload)
      ? payload
      : { code: response.status, name: "server_error", finch_code: "server_error", message: `Request failed (${response.status})` };
    if (response.status === 401 && !options.expect401) for (const listener of signedOutListeners) listener();
    throw new ApiError(response.status, body);
  }
  return payload as T;
}

/** A query string from the defined, non-empty values ("" when there are none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}
