import type { z } from "zod";
import type { ActivitySchema } from "../../contracts/linnet/ops.js";

/** Types the console shell shares with its two consoles; inferred from the contracts so no zod code reaches the bundle. */

/** The console's session shapes come from the sign-in contract. */
export type { ConsoleUser, SessionResponse as ConsoleSession } from "../../contracts/linnet/console-auth.js";

/** An activity-log entry of a connection (the operations console and the developer dashboard show the same list). */
export type Activity = z.infer<typeof ActivitySchema>;
