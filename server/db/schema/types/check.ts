import { type SQL, sql } from "drizzle-orm";
import { sqlValues } from "./statuses.js";

/** The CHECK expression holding `column` to `values` (constants of types/statuses.ts, never input). */
export function oneOf(column: string, values: readonly string[], nullable = false): SQL {
  const test = `"${column}" in (${sqlValues(values)})`;
  return sql.raw(nullable ? `"${column}" is null or ${test}` : test);
}
