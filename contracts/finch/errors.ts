import { z } from "zod";

/** The Finch error body `{ code, name, finch_code, message }` every public error uses. */
export const FinchErrorSchema = z
  .object({
    code: z.number().int(),
    name: z.string(),
    finch_code: z.string(),
    message: z.string(),
    context: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "Error" });

/** A Finch error body. */
export type FinchErrorBody = z.infer<typeof FinchErrorSchema>;

/** The spec's `ErrorResponse` (`/jobs/automated`, `/disconnect-entity`): the Finch error plus `statusCode` and `status`. */
export const ErrorResponseSchema = FinchErrorSchema.extend({ statusCode: z.number().int(), status: z.number().int() });

/** `POST /connect/sessions`' 400: `context` is always there (`customer_id`, and `connection_id` when one exists). */
export const ConnectSessionErrorSchema = FinchErrorSchema.extend({ context: z.record(z.string(), z.string()) });
