import { bigserial, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./types/check.js";
import { TRANSITION_ENTITIES, type TransitionEntity } from "./types/statuses.js";

/**
 * The history of uploads', automated jobs' and deduction jobs' moves, one row per move, written in the transaction
 * of the move itself (`domain/status/`). Connections and tasks keep theirs in `connection_activity`.
 */
export const statusTransitions = pgTable(
  "status_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entity: text("entity").$type<TransitionEntity>().notNull(),
    entityId: uuid("entity_id").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    /** `user:<id>`, `app:<id>`, `system`… (as in `connection_activity.actor`). */
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    reason: text("reason"),
  },
  (t) => [
    index("status_transitions_entity_idx").on(t.entity, t.entityId, t.at),
    check("status_transitions_entity_check", oneOf("entity", TRANSITION_ENTITIES)),
  ],
);
