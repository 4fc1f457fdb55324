/** The Intake view's list of sources: every connection with an inbox, its health, and file counts by status. */
import type { z } from "zod";
import type { IntakeSourceListSchema } from "../../../contracts/linnet/intake.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { countIntakeFilesByStatus, listInboxes } from "../../db/repositories/intake.repository.js";
import type { Deps } from "../deps.js";
import { getSource } from "./intake-view.js";

type SourceList = z.infer<typeof IntakeSourceListSchema>;
const STATUSES = ["received", "published", "held", "rejected", "duplicate"] as const;

/** Sources, late ones first, then by next expected file; counts of every file by status. */
export async function listSources(deps: Pick<Deps, "db" | "clock" | "config" | "catalog">): Promise<SourceList> {
  const sources: SourceList["sources"] = [];
  for (const inbox of await listInboxes(deps.db)) {
    const connection = await findConnection(deps.db, inbox.connectionId);
    const source = await getSource(deps, inbox.connectionId);
    if (!connection || !source.ok) continue;
    sources.push({
      ...source.value,
      customer_name: connection.customerName,
      provider_name: deps.catalog.get(connection.providerId)?.display_name ?? connection.providerId,
      connection_status: connection.status,
    });
  }
  sources.sort((a, b) => Number(b.late) - Number(a.late) || (a.next_expected_at ?? "").localeCompare(b.next_expected_at ?? ""));
  const counted = await countIntakeFilesByStatus(deps.db);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, counted.get(s) ?? 0])) as SourceList["counts"];
  return { sources, counts };
}
