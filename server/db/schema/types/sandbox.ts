/** What a sandbox edit holds, by its `kind` (the wire shapes of the snapshot input). */
import type { PaymentInput, PersonInput } from "../../../../contracts/linnet/snapshot-input.js";

/** `new_person`: a whole person; `payment`: a whole payment; `company` / `person`: the fields changed. */
export type SandboxEditBody = PersonInput | PaymentInput | Record<string, unknown>;
