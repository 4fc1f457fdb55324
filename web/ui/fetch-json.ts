import type { FinchErrorBody } from "../../contracts/finch/errors.js";

/** An API call that answered with a non-2xx status; carries the Finch error body. */
export class ApiError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** The Finch error body `{ code, name, finch_code, message }` (synthesized when the server sent none). */
  readonly body: FinchErrorBody;

  constructor(status: number, body: FinchErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

/** Options of {@link fetchJson}. */
export interface FetchJsonOptions {
  /** HTTP method; defaults to GET, or POST when a body is given. */
  method?: "GET" | "POST";
  /** Sent as a JSON body. */
  body?: unknown;
  /** Extra request headers (e.g. a console CSRF token). */
  headers?: Record<string, string>;
}

function isFinchError(value: unknown): value is FinchErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["message"] === "string" && typeof v["code"] === "number";
}

/** Calls a JSON endpoint of this server; throws {@link ApiError} when the answer is not ok. */
export async function fetchJson<T>(url: string, options: FetchJsonOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (hasBody ? "POST" : "GET"),
      headers: {
        ...(hasBody ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" }),
        ...options.headers,
      },
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
    });
  } catch {
    // fetch only rejects on network failure; "Failed to fetch" means nothing to an employer.
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body: FinchErrorBody = isFinchError(payload)
      ? payload
      : { code: response.status, name: "server_error", finch_code: "server_error", message: `Request failed (${response.status})` };
    throw new ApiError(response.status, body);
  }
  return payload as T;
}

/** The message to show for anything thrown by {@link fetchJson} (or any other failure). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}
