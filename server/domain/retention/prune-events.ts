import { pruneDomainEvents, pruneWebhookEnvelopes } from "../../db/repositories/retention.repository.js";
import type { Deps } from "../deps.js";

/** Rows deleted per statement: small enough that no transaction holds the embedded database for long. */
const PRUNE_BATCH = 5_000;
const DAY_MS = 86_400_000;

/** What one prune removed. */
export interface PrunedEvents {
  /** Webhook envelopes (with their deliveries and attempts). */
  envelopes: number;
  /** Domain events. */
  events: number;
}

/**
 * Bounded disk for events: delete domain events, webhook envelopes and their finished deliveries and attempts older
 * than `LINNET_EVENT_RETENTION_DAYS` (by deps.clock), a batch per statement. Backlog (a pending delivery to an
 * enabled endpoint) is kept whatever its age; `/linnet/events` then starts at the oldest kept envelope.
 */
export async function pruneOldEvents(deps: Pick<Deps, "db" | "clock" | "config">, opts: { batch?: number } = {}): Promise<PrunedEvents> {
  const before = new Date(deps.clock.now().getTime() - deps.config.eventRetentionDays * DAY_MS);
  const limit = opts.batch ?? PRUNE_BATCH;
  const pruned: PrunedEvents = { envelopes: 0, events: 0 };
  for (;;) {
    const n = await pruneWebhookEnvelopes(deps.db, { before, limit });
    pruned.envelopes += n;
    if (n < limit) break;
  }
  for (;;) {
    const n = await pruneDomainEvents(deps.db, { before, limit });
    pruned.events += n;
    if (n < limit) break;
  }
  return pruned;
}
