import type { Mapping, UploadView } from "../ops-types.js";

/** The mapping editor's choices and how a draft becomes the mapping sent to the server. */

/** Date formats the mapping accepts. */
export const DATE_FORMATS: Mapping["dateFormat"][] = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "M/D/YY"];

/** How money columns are written in the file. */
export const AMOUNT_UNITS = [
  { value: "dollars", label: "Dollars (1234.56)" },
  { value: "cents", label: "Cents (123456)" },
] as const;

/** The value of the "— not mapped —" option. */
export const NOT_MAPPED = "";

/** The editor's starting point: the upload's mapping, or an empty one of its group. */
export function initialMapping(upload: UploadView): Mapping {
  if (upload.mapping) return { ...upload.mapping, columns: { ...upload.mapping.columns } };
  return { group: upload.group, columns: {}, dateFormat: "YYYY-MM-DD", amountsIn: "dollars" };
}

/** The draft without unmapped fields (what PUT mapping and template saving send). */
export function cleanMapping(draft: Mapping): Mapping {
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([, header]) => header !== NOT_MAPPED));
  return { ...draft, columns };
}

/** Required fields the draft leaves unmapped. */
export function missingRequired(upload: UploadView, draft: Mapping): string[] {
  return upload.fields.filter((f) => f.required && !draft.columns[f.name]).map((f) => f.label);
}

/** Select options for a field: "— not mapped —", then the file's headers (plus a chosen header the file lacks). */
export function columnOptions(headers: readonly string[], chosen: string | undefined): { value: string; label: string }[] {
  const options = [{ value: NOT_MAPPED, label: "— not mapped —" }, ...headers.map((h) => ({ value: h, label: h }))];
  if (chosen && !headers.includes(chosen)) options.push({ value: chosen, label: `${chosen} (not in this file)` });
  return options;
}
