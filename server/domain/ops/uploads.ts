import { randomUUID } from "node:crypto";
import type { UploadView } from "../../../contracts/linnet/ops.js";
import { type ConnectionRow, findConnection, findEntityRows } from "../../db/repositories/connections.repository.js";
import { findTemplate, findUpload, insertUpload, listTemplates, type UploadRow } from "../../db/repositories/uploads.repository.js";
import type { StoredMapping } from "../../db/schema/types/ingestion.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { BUILTIN_TEMPLATES, detectMapping, type Mapping, type MappingTemplate, type ParsedTable } from "../ingestion/index.js";
import { UPLOAD_WORK } from "./upload-cache.js";
import { openUploadContent, purgedMessage, sealUploadContent } from "./upload-content.js";
import { analysedStatus, isFinalUpload, transitionUpload, unmappedRequired } from "./upload-machine.js";
import { analyzeIfMapped, presentUpload } from "./upload-view.js";

/** The templates to try for a provider and group: its saved ones first, then the built-in ones (any provider). */
export async function templatesFor(
  deps: Pick<Deps, "db">,
  providerId: string,
  group: "org" | "pay",
): Promise<(MappingTemplate & { id: string | null })[]> {
  const saved = (await listTemplates(deps.db, providerId, group)).map((t) => ({
    id: t.id,
    provider_id: t.providerId,
    group: t.group,
    name: t.name,
    mapping: t.mapping,
  }));
  const builtin = BUILTIN_TEMPLATES.filter((t) => t.group === group)
    .sort((a, b) => Number(b.provider_id === providerId) - Number(a.provider_id === providerId))
    .map((t) => ({ ...t, id: null }));
  return [...saved, ...builtin];
}

/** The upload's parsed file: kept from its upload in this process (`UPLOAD_WORK`), else opened and parsed again. */
export async function tableOf(deps: Deps, upload: UploadRow): Promise<Result<ParsedTable>> {
  // a purged file is gone, whatever this process still remembers of it
  if (upload.content === null) return fail("invalid_request", purgedMessage(deps.config.uploadRetentionDays));
  return deps.own.of(UPLOAD_WORK).table(deps.clock, upload.id, upload.fileName, () => openUploadContent(deps, upload));
}

/** Present the upload from its parsed file (see `presentUpload`); a purged one shows what was kept. */
async function view(deps: Deps, upload: UploadRow): Promise<Result<UploadView>> {
  const connection = await findConnection(deps.db, upload.connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  if (upload.content === null) return ok(purgedView(upload));
  const parsed = await tableOf(deps, upload);
  if (!parsed.ok) return parsed;
  return presentUpload(deps, connection, upload, parsed.value);
}

/** Refuse a mapping that leaves a required field without a column: nothing could be read with it. */
function checkMapping(mapping: Mapping, group: "org" | "pay"): Result<true> {
  if (mapping.group !== group) return fail("invalid_request", `mapping.group: this upload holds ${group} data`);
  const missing = unmappedRequired(mapping, group);
  if (missing.length > 0)
    return fail("invalid_request", `mapping.columns.${missing[0]}: choose the column that holds it (required: ${missing.join(", ")})`);
  return ok(true);
}

/** An upload whose file was deleted by the retention rule: what was stored about it, nothing parsed. */
function purgedView(upload: UploadRow): UploadView {
  const mapping = upload.mapping;
  return {
    id: upload.id,
    connection_id: upload.connectionId,
    group: upload.group,
    status: upload.status,
    next_statuses: [],
    file_name: upload.fileName,
    size_bytes: upload.sizeBytes,
    format: /\.xlsx?$/i.test(upload.fileName) ? "xlsx" : "csv",
    headers: [],
    row_count: upload.rowCount ?? 0,
    template: mapping ? { id: upload.templateId, name: upload.mapping?.templateName ?? "Custom mapping" } : null,
    mapping: null,
    fields: [],
    preview: [],
    report: (upload.report as UploadView["report"]) ?? null,
    diff: upload.diff ?? null,
    published_snapshot_id: upload.publishedSnapshotId,
    purged_at: upload.purgedAt?.toISOString() ?? null,
  };
}

/**
 * The row an upload publishes to: the connection, or, when `entityId` names one of a multi-entity connection's
 * further entities, that entity's row (an upload always targets one entity; its data, ids and history are its own).
 */
async function uploadTarget(deps: Deps, connectionId: string, entityId: string | undefined): Promise<Result<ConnectionRow>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (entityId === undefined || entityId === connection.entityId) return ok(connection);
  const entity = (await findEntityRows(deps.db, connection.id)).find((e) => e.entityId === entityId);
  if (!entity) return fail("invalid_request", `entity_id: not an entity of this connection`);
  return ok(entity);
}

/**
 * Store an operator's upload of a provider export (for one entity: `entityId`, default the connection's first),
 * detect its format and analyze it. Bad files are refused, not stored.
 */
export async function createUpload(
  deps: Deps,
  userId: string,
  connectionId: string,
  input: { group: "org" | "pay"; fileName: string; contentType: string | undefined; bytes: Buffer; entityId?: string },
): Promise<Result<UploadView>> {
  const target = await uploadTarget(deps, connectionId, input.entityId);
  if (!target.ok) return target;
  const connection = target.value;
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  const id = randomUUID();
  const parsed = await deps.own.of(UPLOAD_WORK).parse(deps.clock, id, input.bytes, input.fileName);
  if (!parsed.ok) return parsed;
  const candidates = await templatesFor(deps, connection.providerId, input.group);
  const detected = detectMapping(parsed.value.headers, candidates);
  const mapping: StoredMapping | null = detected ? { ...detected.template.mapping, templateName: detected.template.name } : null;
  const analysis = await analyzeIfMapped(deps, connection, { id, group: input.group, status: "needs_mapping" }, parsed.value, mapping);
  const now = deps.clock.now();
  const row: UploadRow = {
    id,
    connectionId: connection.id,
    taskId: null,
    group: input.group,
    status: analysedStatus(mapping, input.group, analysis?.report ?? null),
    fileName: input.fileName,
    contentType: input.contentType ?? null,
    sizeBytes: input.bytes.length,
    content: sealUploadContent(deps, id, input.bytes),
    contentSealed: true,
    purgedAt: null,
    mapping: mapping,
    templateId: detected ? ((detected.template as { id?: string | null }).id ?? null) : null,
    report: analysis?.report ?? null,
    diff: analysis?.diff ?? null,
    rowCount: parsed.value.rows.length,
    publishedSnapshotId: null,
    uploadedBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertUpload(deps.db, row);
  return presentUpload(deps, connection, row, parsed.value);
}

/** An upload by id (404 for a malformed or unknown id). */
export async function loadUpload(deps: Pick<Deps, "db">, id: string): Promise<Result<UploadRow>> {
  const upload = isUuid(id) ? await findUpload(deps.db, id) : undefined;
  return upload ? ok(upload) : fail("not_found", "Upload not found");
}

/** An upload as the console shows it. */
export async function getUpload(deps: Deps, id: string): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  return upload.ok ? view(deps, upload.value) : upload;
}

/** Apply a mapping (or a saved template) to an upload: analyse it and move the upload to the state that gives. */
export async function setUploadMapping(
  deps: Deps,
  id: string,
  change: { mapping?: Mapping; template_id?: string },
): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (isFinalUpload(upload.value.status)) return fail("invalid_request", `The upload is ${upload.value.status}`);
  if (upload.value.content === null) return fail("invalid_request", purgedMessage(deps.config.uploadRetentionDays));
  let mapping: StoredMapping | undefined = change.mapping;
  let templateId: string | null = null;
  if (change.template_id) {
    const template = isUuid(change.template_id) ? await findTemplate(deps.db, change.template_id) : undefined;
    if (!template) return fail("invalid_request", "template_id: no such template");
    mapping = { ...template.mapping, templateName: template.name };
    templateId = template.id;
  }
  if (!mapping) return fail("invalid_request", "mapping or template_id: one is required");
  const valid = checkMapping(mapping, upload.value.group);
  if (!valid.ok) return valid;
  const connection = await findConnection(deps.db, upload.value.connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  const parsed = await tableOf(deps, upload.value);
  if (!parsed.ok) return parsed;
  const analysis = (await analyzeIfMapped(deps, connection, upload.value, parsed.value, mapping))!;
  const to = analysedStatus(mapping, upload.value.group, analysis.report);
  const moved = await transitionUpload(deps, upload.value, to, { mapping, templateId, report: analysis.report, diff: analysis.diff });
  return moved.ok ? presentUpload(deps, connection, moved.value, parsed.value) : moved;
}

/** Discard an upload (kept for the record, never published). */
export async function discardUpload(deps: Deps, id: string): Promise<Result<true>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (upload.value.status === "published") return fail("invalid_request", "A published upload cannot be discarded");
  const moved = await transitionUpload(deps, upload.value, "discarded");
  if (moved.ok) deps.own.of(UPLOAD_WORK).forget(id);
  return moved.ok ? ok(true) : moved;
}
