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
