/** What the deduction job columns hold (wire shapes from the contracts). */
import type { LinnetVerification } from "../../../../contracts/finch/benefits.js";

/** `benefit_jobs.verification`: the served verdict, plus the individuals the job applied to (what is checked). */
export type StoredVerification = NonNullable<LinnetVerification> & { applied?: string[] };
