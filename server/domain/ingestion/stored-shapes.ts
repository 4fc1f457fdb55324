/**
 * The ingestion pipeline's types are what the database's ingestion columns hold: this completes
 * `IngestionShapes` in server/db/schema/types/ingestion.ts by declaration merging (db imports nothing from domain).
 */
import type { OrgDiff as IngestionOrgDiff } from "./diff-org.js";
import type { PayDiff as IngestionPayDiff } from "./diff-pay.js";
import type { Mapping as IngestionMapping } from "./mapping.js";
import type { ValidationReport as IngestionReport } from "./validation-report.js";

// aliased: inside `declare module` the augmented module's own names (ValidationReport, …) would shadow them

declare module "../../db/schema/types/ingestion.js" {
  /** The shapes of the `mapping`, `report` and `diff` columns. */
  interface IngestionShapes {
    mapping: IngestionMapping & { templateName?: string };
    report: IngestionReport;
    diff: IngestionOrgDiff | IngestionPayDiff;
  }
}
