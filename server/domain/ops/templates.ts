import { randomUUID } from "node:crypto";
import { insertTemplate } from "../../db/repositories/uploads.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import type { Mapping } from "../ingestion/index.js";

/** Save a mapping as a reusable template for a provider's report. */
export async function saveTemplate(
  deps: Pick<Deps, "db" | "clock" | "catalog">,
  userId: string,
  providerId: string,
  name: string,
  mapping: Mapping,
) {
  if (!deps.catalog.get(providerId)) return fail("invalid_request", `provider_id: unknown provider "${providerId}"`) as Result<never>;
  const now = deps.clock.now();
  const id = randomUUID();
  await insertTemplate(deps.db, { id, providerId, group: mapping.group, name, mapping, createdBy: userId, createdAt: now, updatedAt: now });
  return ok({ id, provider_id: providerId, group: mapping.group, name, builtin: false, mapping });
}
