/**
 * Ingestion of operators' uploads, as a pipeline of pure steps:
 * parseUpload → detectMapping → mapOrg / mapPay → validateOrg / validatePay → diffOrg / diffPay → (publish, elsewhere).
 */

export { type DetectedMapping, detectMapping } from "./detect-mapping.js";
export { DIFF_LIST_LIMIT, diffOrg, type FieldChange, type OrgDiff } from "./diff-org.js";
export { diffPay, PAY_DIFF_LIMIT, type PayDiff } from "./diff-pay.js";
export { escapeCsvCell, isFormulaLike } from "./formula-cells.js";
export { ISSUE_LIMIT, type Issue, type IssueTotals, totalsOf } from "./issues.js";
export { type MappedOrg, mapOrg } from "./map-org.js";
export { type MappedPay, mapPay } from "./map-pay.js";
export {
  type DateFormat,
  type MappedField,
  type Mapping,
  type MappingTemplate,
  ORG_FIELDS,
  type OrgField,
  PAY_FIELDS,
  type PayField,
  REQUIRED_FIELDS,
  type ValueMaps,
} from "./mapping.js";
export { type ParseUploadOptions, parseUpload } from "./parse-upload.js";
export type { ParsedTable } from "./parsed-table.js";
export { PAY_LINES, type PayLine } from "./pay-lines.js";
export { BUILTIN_TEMPLATES } from "./templates/index.js";
export { type OrgValidationContext, validateOrg } from "./validate-org.js";
export { type PayValidationContext, validatePay } from "./validate-pay.js";
export type { ValidationReport } from "./validation-report.js";
export { DEFAULT_VALUE_MAPS } from "./value-maps.js";
