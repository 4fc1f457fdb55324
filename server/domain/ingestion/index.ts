/**
 * Ingestion of operators' uploads, as a pipeline of pure steps:
 * parseUpload → detectMapping → mapOrg / mapPay → validateOrg / validatePay → diffOrg / diffPay → (publish, elsewhere).
 */
export { type OrgDiff, type FieldChange, DIFF_LIST_LIMIT, diffOrg } from "./diff-org.js";
export { type PayDiff, PAY_DIFF_LIMIT, diffPay } from "./diff-pay.js";
export { type DetectedMapping, detectMapping } from "./detect-mapping.js";
export { escapeCsvCell, isFormulaLike } from "./formula-cells.js";
export { type Issue, type IssueTotals, ISSUE_LIMIT, totalsOf } from "./issues.js";
export { type MappedOrg, mapOrg } from "./map-org.js";
export { type MappedPay, mapPay } from "./map-pay.js";
export {
  type DateFormat,
  type MappedField,
  type Mapping,
  type MappingTemplate,
  type OrgField,
  type PayField,
  type ValueMaps,
  ORG_FIELDS,
  PAY_FIELDS,
  REQUIRED_FIELDS,
} from "./mapping.js";
export { PAY_LINES, type PayLine } from "./pay-lines.js";
export { type ParseUploadOptions, parseUpload } from "./parse-upload.js";
export type { ParsedTable } from "./parsed-table.js";
export { BUILTIN_TEMPLATES } from "./templates/index.js";
export { type OrgValidationContext, validateOrg } from "./validate-org.js";
export { type PayValidationContext, validatePay } from "./validate-pay.js";
export type { ValidationReport } from "./validation-report.js";
export { DEFAULT_VALUE_MAPS } from "./value-maps.js";
