import { randomUUID } from "node:crypto";
import { insertSandboxCompany } from "../../db/repositories/sandbox.repository.js";
import type { Deps } from "../deps.js";

/** Sandbox company sizes. */
export const SANDBOX_SIZES = { min: 1, max: 50_000, default: 20 };

/** Create a sandbox company: a seed and a size from which its data is generated. */
export async function createSandboxCompany(
  deps: Deps,
  applicationId: string,
  opts: { id?: string; seed?: string; employeeSize?: number },
): Promise<string> {
  const id = opts.id ?? randomUUID();
  const now = deps.clock.now();
  await insertSandboxCompany(deps.db, {
    id,
    applicationId,
    seed: opts.seed ?? id,
    employeeSize: opts.employeeSize ?? SANDBOX_SIZES.default,
    asOf: now,
    createdAt: now,
  });
  return id;
}
