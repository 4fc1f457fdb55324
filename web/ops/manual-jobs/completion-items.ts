import type { ManualJob } from "../ops-types.js";

/** The rows of a manual job's completion form and their defaults. */

/** One editable result row. */
export interface ItemRow {
  individualId: string;
  code: number;
  message: string;
}

/** Result codes offered per item, as Finch reports them in `GET /jobs/manual/{id}`. */
export const RESULT_CODES = [
  { code: 200, label: "200 OK (updated)" },
  { code: 201, label: "201 Created" },
  { code: 400, label: "400 Bad request" },
  { code: 403, label: "403 Not permitted" },
  { code: 404, label: "404 Not found" },
  { code: 409, label: "409 Conflict" },
  { code: 422, label: "422 Unprocessable" },
  { code: 500, label: "500 Provider error" },
] as const;

const GENERIC: Record<number, string> = {
  200: "Successfully updated",
  201: "Successfully created",
  400: "The request could not be entered as given",
  403: "The provider does not allow this change",
  404: "Individual not found",
  409: "Conflicts with what is already in the provider",
  422: "The provider rejected the values",
  500: "The provider failed to process the change",
};

const BY_TYPE: Record<string, Record<number, string>> = {
  benefit_enroll: { 200: "Successfully updated enrollment for individual", 201: "Successfully enrolled individual in benefit" },
  benefit_unenroll: { 200: "Successfully unenrolled individual from benefit" },
  benefit_create: { 201: "Successfully created benefit" },
  benefit_register: { 201: "Successfully registered benefit" },
  benefit_update: { 200: "Successfully updated benefit" },
};

/** The usual message for a code in a job of this type. */
export function defaultMessage(type: string, code: number): string {
  return BY_TYPE[type]?.[code] ?? GENERIC[code] ?? "";
}

/** Individual ids the request names (in `individuals[].individual_id`, `individual_ids[]`, …), in order, once each. */
export function requestedIndividuals(request: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(request)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item === "string" && /individual/i.test(key)) ids.push(item);
      const nested = typeof item === "object" && item !== null ? (item as Record<string, unknown>)["individual_id"] : undefined;
      if (typeof nested === "string") ids.push(nested);
    }
  }
  return [...new Set(ids)];
}

/** Starting rows: one per requested individual, or a single row for jobs about the benefit itself. */
export function initialRows(job: ManualJob): ItemRow[] {
  const ids = requestedIndividuals(job.request);
  const code = job.type === "benefit_enroll" || job.type === "benefit_create" || job.type === "benefit_register" ? 201 : 200;
  const message = defaultMessage(job.type, code);
  return ids.length > 0 ? ids.map((individualId) => ({ individualId, code, message })) : [{ individualId: "", code, message }];
}
