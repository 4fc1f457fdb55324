import { z } from "zod";

/** The spec's `AcceptedResponse`: a 202 "not ready yet" with a JSON body (sent when the 202 body mode is `finch`). */
export const AcceptedResponseSchema = z
  .object({ code: z.number(), name: z.string(), finch_code: z.string(), message: z.string() })
  .meta({ id: "AcceptedResponse" });
/** A 202 body. */
export type AcceptedResponse = z.infer<typeof AcceptedResponseSchema>;

/** Every not-yet-ready read's 202: no body (mode `empty`) or `AcceptedResponse` (mode `finch`). */
export const NotReadySchema = AcceptedResponseSchema.nullable().describe(
  "Not ready yet: no body, or AcceptedResponse when the 202 body mode is finch",
);
