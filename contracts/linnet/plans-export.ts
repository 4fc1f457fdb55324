import { z } from "zod";

/** Answer of `POST /ops/api/connections/:id/plans-export`: what the published benefits-enrollment export holds. */
export const PlansPublishedSchema = z.object({ plans: z.number().int(), enrollments: z.number().int(), dependents: z.number().int() });
/** A published export's counts. */
export type PlansPublished = z.infer<typeof PlansPublishedSchema>;
