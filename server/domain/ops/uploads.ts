import { randomUUID } from "node:crypto";
import type { UploadView } from "../../../contracts/linnet/ops.js";
import { type ConnectionRow, findConnection, findEntityRows } from "../../db/repositories/connections.repository.js";
import { findTemplate, findUpload, insertUpload, listTemplates, type UploadRow } from "../../db/repositories/uploads.repository.js";
import { isUuid } from "../applications/authenticate-client.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import type { StoredMapping } from "../../db/schema/types/ingestion.js";
import { BUILTIN_TEMPLATES, detectMapping, type Mapping, type MappingTemplate, parseUpload } from "../ingestion/index.js";
import { keepRecipe } from "../intake/recipes.js";
import { publishAnalysis } from "./publish-analysis.js";
import { analyzeTable } from "./upload-analysis.js";
import { analysedStatus, isFinalUpload, transitionUpload, unmappedRequired } from "./upload-machine.js";
import { analyzeIfMapped, presentUpload } from "./upload-view.js";
import { openUploadContent, purgedMessage, sealUploadContent } from "./upload-content.js";

/** The templates to try for a provider and group: its saved ones first, then the built-in ones (any provider). */
export async function templatesFor(deps: Pick<Deps, "db">, providerId: string, group: "org" | "pay"): Promise<(MappingTemplate & { id: string | null })[]> {
  const saved = (await listTemplates(deps.db, providerId, group)).map((t) => ({ id: t.id, provider_id: t.providerId, group: t.group, name: t.name, mapping: t.mapping }));
  const builtin = BUILTIN_TEMPLATES.filter((t) => t.group === group)
    .sort((a, b) => Number(b.provider_id === providerId) - Number(a.provider_id === providerId))
    .map((t) => ({ ...t, id: null }));
  return [...saved, ...builtin];
}

/** Open and parse the stored file again and present the upload (see `presentUpload`); a purged one shows what was kept. */
async function view(deps: Deps, upload: UploadRow): Promise<Result<UploadView>> {
  const connection = await findConnection(deps.db, upload.connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  if (upload.content === null) return ok(purgedView(upload));
  const content = openUploadContent(deps, upload);
  if (!content.ok) return content;
  const parsed = await parseUpload(content.value, upload.fileName);
  if (!parsed.ok) return parsed;
  return presentUpload(deps, connection, upload, parsed.value);
}

/** Refuse a mapping that leaves a required field without a column: nothing could be read with it. */
function checkMapping(mapping: Mapping, group: "org" | "pay"): Result<true> {
  if (mapping.group !== group) return fail("invalid_request", `mapping.group: this upload holds ${group} data`);
  const missing = unmappedRequired(mapping, group);
  if (missing.length > 0) return fail("invalid_request", `mapping.columns.${missing[0]}: choose the column that holds it (required: ${missing.join(", ")})`);
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
  const parsed = await parseUpload(input.bytes, input.fileName);
  if (!parsed.ok) return parsed;
  const candidates = await templatesFor(deps, connection.providerId, input.group);
  const detected = detectMapping(parsed.value.headers, candidates);
  const mapping: StoredMapping | null = detected ? { ...detected.template.mapping, templateName: detected.template.name } : null;
  const analysis = await analyzeIfMapped(deps, connection, parsed.value, mapping, input.group);
  const now = deps.clock.now();
  const id = randomUUID();
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

async function loadUpload(deps: Pick<Deps, "db">, id: string): Promise<Result<UploadRow>> {
  const upload = isUuid(id) ? await findUpload(deps.db, id) : undefined;
  return upload ? ok(upload) : fail("not_found", "Upload not found");
}

/** An upload as the console shows it. */
export async function getUpload(deps: Deps, id: string): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  return upload.ok ? view(deps, upload.value) : upload;
}

/** Apply a mapping (or a saved template) to an upload: analyse it and move the upload to the state that gives. */
export async function setUploadMapping(deps: Deps, id: string, change: { mapping?: Mapping; template_id?: string }): Promise<Result<UploadView>> {
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
  const content = openUploadContent(deps, upload.value);
  if (!content.ok) return content;
  const parsed = await parseUpload(content.value, upload.value.fileName);
  if (!connection || !parsed.ok) return connection ? (parsed as Result<never>) : fail("not_found", "Connection not found");
  const analysis = await analyzeTable(deps, connection, parsed.value, mapping);
  const to = analysedStatus(mapping, upload.value.group, analysis.report);
  const moved = await transitionUpload(deps, upload.value, to, { mapping, templateId, report: analysis.report, diff: analysis.diff });
  return moved.ok ? presentUpload(deps, connection, moved.value, parsed.value) : moved;
}

/** Publish an upload's data as a new snapshot; errors block, warnings needing confirmation need `confirm`. */
export async function publishUpload(deps: Deps, userId: string, id: string, opts: { retrievedAt?: Date; confirm: boolean }): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (isFinalUpload(upload.value.status)) return fail("invalid_request", `This upload was already ${upload.value.status}`);
  const connection = await findConnection(deps.db, upload.value.connectionId);
  const mapping = upload.value.mapping;
  if (!connection || !mapping) return fail("invalid_request", "Choose a mapping before publishing");
  const content = openUploadContent(deps, upload.value);
  if (!content.ok) return content;
  const parsed = await parseUpload(content.value, upload.value.fileName);
  if (!parsed.ok) return parsed;
  const analysis = await analyzeTable(deps, connection, parsed.value, mapping);
  const state = analysedStatus(mapping, upload.value.group, analysis.report);
  let current = upload.value;
  if (current.status !== state) {
    // the current data may have changed since the mapping was applied: record what the file is now
    const moved = await transitionUpload(deps, current, state, { report: analysis.report, diff: analysis.diff }, `user:${userId}`);
    if (!moved.ok) return moved;
    current = moved.value;
  }
  if (state === "needs_mapping") return fail("invalid_request", "Choose a mapping before publishing");
  if (!analysis.report.ok) return fail("invalid_request", `The file has ${analysis.report.counts.errors ?? analysis.report.errors.length} errors; fix them before publishing`);
  if (analysis.report.requiresConfirmation && !opts.confirm) {
    return fail("confirmation_required", `Confirm before publishing: ${analysis.report.confirmationReason ?? "this file needs confirmation"}`);
  }
  const meta = { source: `operator:${userId}`, retrievedAt: opts.retrievedAt ?? deps.clock.now() };
  const published = await publishAnalysis(deps, connection, analysis, meta);
  if (!published.ok) return published;
  // the mapping that worked becomes the connection's recipe for scheduled reports of this kind (the first one only)
  await keepRecipe(deps, connection.id, { group: analysis.group, name: mapping.templateName ?? `Mapping of ${upload.value.fileName}`, mapping, table: parsed.value });
  // the diff kept is the one computed before the publish: afterwards the current data is this very file
  const moved = await transitionUpload(deps, current, "published", {
    publishedSnapshotId: published.value.snapshot_id,
    report: analysis.report,
    diff: analysis.diff,
  }, `user:${userId}`);
  return moved.ok ? presentUpload(deps, connection, moved.value, parsed.value) : moved;
}

/** Discard an upload (kept for the record, never published). */
export async function discardUpload(deps: Deps, id: string): Promise<Result<true>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (upload.value.status === "published") return fail("invalid_request", "A published upload cannot be discarded");
  const moved = await transitionUpload(deps, upload.value, "discarded");
  return moved.ok ? ok(true) : moved;
}
