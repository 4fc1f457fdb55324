/**
 * What the ingestion columns hold (`mapping`, `report`, `diff` of uploads, templates, recipes and intake files). The
 * shapes belong to the pure ingestion pipeline, which imports nothing from the database, so these type-only imports
 * make no cycle.
 */
import type { Mapping } from "../../../domain/ingestion/mapping.js";
import type { OrgDiff } from "../../../domain/ingestion/diff-org.js";
import type { PayDiff } from "../../../domain/ingestion/diff-pay.js";
import type { ValidationReport } from "../../../domain/ingestion/validation-report.js";

export type { Mapping, OrgDiff, PayDiff, ValidationReport };

/** A stored mapping: the mapping, and the name of the template it came from when it came from one. */
export type StoredMapping = Mapping & { templateName?: string };

/** A stored diff: a census's or a payroll register's. */
export type StoredDiff = OrgDiff | PayDiff;
