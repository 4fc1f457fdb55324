import type { UploadView } from "../../../contracts/linnet/ops.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findTemplate, type UploadRow } from "../../db/repositories/uploads.repository.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { type Mapping, ORG_FIELDS, PAY_FIELDS, type ParsedTable, REQUIRED_FIELDS } from "../ingestion/index.js";
import { analyzeTable, type UploadAnalysis } from "./upload-analysis.js";
import { UPLOAD_WORK } from "./upload-cache.js";
import { analysedStatus, isFinalUpload, UPLOAD_TRANSITIONS, unmappedRequired } from "./upload-machine.js";

const label = (field: string) => (field === "source_id" ? "Employee id" : field.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()));

/** The first normalized records (people or payments) for the preview. */
function previewOf(analysis: UploadAnalysis | null): Record<string, unknown>[] {
  if (analysis?.group === "org") {
    return analysis.input.people.slice(0, 20).map((p) => ({
      source_id: p.source_id,
      first_name: p.individual.first_name,
      last_name: p.individual.last_name,
      title: p.employment.title,
      department: p.employment.department?.name ?? null,
      status: p.employment.employment_status,
      start_date: p.employment.start_date,
    }));
  }
  if (analysis?.group === "pay") {
    return analysis.input.payments.slice(0, 20).map((p) => ({
      source_id: p.source_id,
      pay_date: p.pay_date,
      gross: p.gross_pay?.amount ?? null,
      net: p.net_pay?.amount ?? null,
      statements: p.pay_statements.length,
    }));
  }
  return [];
}

/**
 * Analyse an upload's table with a mapping when the mapping covers the required fields (otherwise there is nothing to
 * read). The analysis of the same mapping against the same current data is reused (`UPLOAD_WORK`); a final upload's
 * is reused whatever the current data, as it only gives the preview.
 */
export async function analyzeIfMapped(
  deps: Deps,
  connection: ConnectionRow,
  upload: Pick<UploadRow, "id" | "group" | "status">,
  table: ParsedTable,
  mapping: Mapping | null,
): Promise<UploadAnalysis | null> {
  if (!mapping || unmappedRequired(mapping, upload.group).length > 0) return null;
  return deps.own
    .of(UPLOAD_WORK)
    .analysis(deps.clock, upload.id, mapping, connection, () => analyzeTable(deps, connection, table, mapping), {
      anyBasis: isFinalUpload(upload.status),
    });
}

/**
 * Present an upload. Reads never write: an open upload is analysed against the current data (what publishing it would
 * do now; the same analysis while that data and the mapping stay the same), and its state is the one that analysis
 * gives; a final upload shows the report and diff stored when it was published or discarded.
 */
export async function presentUpload(
  deps: Deps,
  connection: ConnectionRow,
  upload: UploadRow,
  table: ParsedTable,
): Promise<Result<UploadView>> {
  const mapping = upload.mapping;
  const analysis = await analyzeIfMapped(deps, connection, upload, table, mapping);
  const final = isFinalUpload(upload.status);
  const status = final ? upload.status : analysedStatus(mapping, upload.group, analysis?.report ?? null);
  const report = final ? (upload.report ?? null) : (analysis?.report ?? null);
  const diff = final ? (upload.diff ?? null) : (analysis?.diff ?? null);
  const template = upload.templateId ? await findTemplate(deps.db, upload.templateId) : undefined;
  const fields = (upload.group === "org" ? ORG_FIELDS : PAY_FIELDS) as readonly string[];
  const required = REQUIRED_FIELDS[upload.group] as readonly string[];
  return ok({
    id: upload.id,
    connection_id: upload.connectionId,
    group: upload.group,
    status,
    next_statuses: [...UPLOAD_TRANSITIONS[status]],
    file_name: upload.fileName,
    size_bytes: upload.sizeBytes,
    format: table.format,
    headers: table.headers,
    row_count: table.rows.length,
    template: mapping
      ? {
          id: upload.templateId,
          name: template?.name ?? (upload.mapping as { templateName?: string } | null)?.templateName ?? "Custom mapping",
        }
      : null,
    mapping: mapping
      ? {
          group: mapping.group,
          columns: mapping.columns as Record<string, string>,
          dateFormat: mapping.dateFormat,
          amountsIn: mapping.amountsIn,
          valueMaps: mapping.valueMaps,
        }
      : null,
    fields: fields.map((name) => ({ name, required: required.includes(name), label: label(name) })),
    preview: previewOf(analysis),
    report,
    diff,
    published_snapshot_id: upload.publishedSnapshotId,
    purged_at: null,
  });
}
