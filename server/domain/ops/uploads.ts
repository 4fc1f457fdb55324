import { randomUUID } from "node:crypto";
import type { UploadView } from "../../../contracts/linnet/ops.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { findTemplate, findUpload, insertUpload, listTemplates, updateUpload, type UploadRow } from "../../db/repositories/uploads.repository.js";
import { isUuid } from "../applications/authenticate-client.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { BUILTIN_TEMPLATES, detectMapping, type Mapping, type MappingTemplate, ORG_FIELDS, PAY_FIELDS, parseUpload, REQUIRED_FIELDS } from "../ingestion/index.js";
import { keepRecipe } from "../intake/recipes.js";
import { publishAnalysis } from "./publish-analysis.js";
import { analyzeTable } from "./upload-analysis.js";

/** The templates to try for a provider and group: its saved ones first, then the built-in ones (any provider). */
export async function templatesFor(deps: Pick<Deps, "db">, providerId: string, group: "org" | "pay"): Promise<(MappingTemplate & { id: string | null })[]> {
  const saved = (await listTemplates(deps.db, providerId, group)).map((t) => ({ id: t.id, provider_id: t.providerId, group: t.group, name: t.name, mapping: t.mapping as unknown as Mapping }));
  const builtin = BUILTIN_TEMPLATES.filter((t) => t.group === group)
    .sort((a, b) => Number(b.provider_id === providerId) - Number(a.provider_id === providerId))
    .map((t) => ({ ...t, id: null }));
  return [...saved, ...builtin];
}

const label = (field: string) => field.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

/** Parse, map, validate and diff an upload, store the report and diff, and present it. */
async function view(deps: Deps, upload: UploadRow): Promise<Result<UploadView>> {
  const connection = await findConnection(deps.db, upload.connectionId);
  if (!connection) return fail("not_found", "Connection not found");
  const parsed = await parseUpload(upload.content, upload.fileName);
  if (!parsed.ok) return parsed;
  const table = parsed.value;
  const mapping = upload.mapping as unknown as Mapping | null;
  const analysis = mapping ? await analyzeTable(deps, connection, table, mapping) : null;
  const template = upload.templateId ? await findTemplate(deps.db, upload.templateId) : undefined;
  if (analysis && upload.status === "uploaded") {
    await updateUpload(deps.db, upload.id, { status: "validated", report: analysis.report as never, diff: analysis.diff as never, rowCount: table.rows.length, updatedAt: deps.clock.now() });
    upload.status = "validated";
  }
  const fields = (upload.group === "org" ? ORG_FIELDS : PAY_FIELDS) as readonly string[];
  const required = REQUIRED_FIELDS[upload.group] as readonly string[];
  const preview =
    analysis?.group === "org"
      ? analysis.input.people.slice(0, 20).map((p) => ({
          source_id: p.source_id,
          first_name: p.individual.first_name,
          last_name: p.individual.last_name,
          title: p.employment.title,
          department: p.employment.department?.name ?? null,
          status: p.employment.employment_status,
          start_date: p.employment.start_date,
        }))
      : analysis?.group === "pay"
        ? analysis.input.payments.slice(0, 20).map((p) => ({ source_id: p.source_id, pay_date: p.pay_date, gross: p.gross_pay?.amount ?? null, net: p.net_pay?.amount ?? null, statements: p.pay_statements.length }))
        : [];
  return ok({
    id: upload.id,
    connection_id: upload.connectionId,
    group: upload.group,
    status: upload.status as UploadView["status"],
    file_name: upload.fileName,
    size_bytes: upload.sizeBytes,
    format: table.format,
    headers: table.headers,
    row_count: table.rows.length,
    template: mapping ? { id: upload.templateId, name: template?.name ?? (upload.mapping as { templateName?: string } | null)?.templateName ?? "Custom mapping" } : null,
    mapping: mapping ? { group: mapping.group, columns: mapping.columns as Record<string, string>, dateFormat: mapping.dateFormat, amountsIn: mapping.amountsIn, valueMaps: mapping.valueMaps as Record<string, Record<string, string>> | undefined } : null,
    fields: fields.map((name) => ({ name, required: required.includes(name), label: label(name) })),
    preview,
    report: analysis?.report ?? null,
    diff: (analysis?.diff as unknown as Record<string, unknown>) ?? null,
    published_snapshot_id: upload.publishedSnapshotId,
  });
}

/** Store an operator's upload of a provider export, detect its format and analyze it. Bad files are refused, not stored. */
export async function createUpload(
  deps: Deps,
  userId: string,
  connectionId: string,
  input: { group: "org" | "pay"; fileName: string; contentType: string | undefined; bytes: Buffer },
): Promise<Result<UploadView>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.status === "disconnected") return fail("invalid_request", "The connection is disconnected");
  const parsed = await parseUpload(input.bytes, input.fileName);
  if (!parsed.ok) return parsed;
  const candidates = await templatesFor(deps, connection.providerId, input.group);
  const detected = detectMapping(parsed.value.headers, candidates);
  const now = deps.clock.now();
  const row = {
    id: randomUUID(),
    connectionId,
    taskId: null,
    group: input.group,
    status: "uploaded",
    fileName: input.fileName,
    contentType: input.contentType ?? null,
    sizeBytes: input.bytes.length,
    content: input.bytes,
    mapping: detected ? ({ ...detected.template.mapping, templateName: detected.template.name } as never) : null,
    templateId: detected ? ((detected.template as { id?: string | null }).id ?? null) : null,
    report: null,
    diff: null,
    rowCount: parsed.value.rows.length,
    publishedSnapshotId: null,
    uploadedBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertUpload(deps.db, row);
  return view(deps, row);
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

/** Apply a mapping (or a saved template) to an upload and analyze it again. */
export async function setUploadMapping(deps: Deps, id: string, change: { mapping?: Mapping; template_id?: string }): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (upload.value.status === "published" || upload.value.status === "discarded") return fail("invalid_request", `The upload is ${upload.value.status}`);
  let mapping = change.mapping;
  let templateId: string | null = null;
  if (change.template_id) {
    const template = isUuid(change.template_id) ? await findTemplate(deps.db, change.template_id) : undefined;
    if (!template) return fail("invalid_request", "template_id: no such template");
    mapping = template.mapping as unknown as Mapping;
    templateId = template.id;
  }
  if (!mapping) return fail("invalid_request", "mapping or template_id: one is required");
  if (mapping.group !== upload.value.group) return fail("invalid_request", `mapping.group: this upload holds ${upload.value.group} data`);
  await updateUpload(deps.db, id, { mapping: mapping as never, templateId, status: "uploaded", updatedAt: deps.clock.now() });
  return getUpload(deps, id);
}

/** Publish an upload's data as a new snapshot; errors block, warnings needing confirmation need `confirm`. */
export async function publishUpload(deps: Deps, userId: string, id: string, opts: { retrievedAt?: Date; confirm: boolean }): Promise<Result<UploadView>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (upload.value.status === "published") return fail("invalid_request", "This upload was already published");
  if (upload.value.status === "discarded") return fail("invalid_request", "This upload was discarded");
  const connection = await findConnection(deps.db, upload.value.connectionId);
  const mapping = upload.value.mapping as unknown as Mapping | null;
  if (!connection || !mapping) return fail("invalid_request", "Choose a mapping before publishing");
  const parsed = await parseUpload(upload.value.content, upload.value.fileName);
  if (!parsed.ok) return parsed;
  const analysis = await analyzeTable(deps, connection, parsed.value, mapping);
  if (!analysis.report.ok) return fail("invalid_request", `The file has ${analysis.report.counts.errors ?? analysis.report.errors.length} errors; fix them before publishing`);
  if (analysis.report.requiresConfirmation && !opts.confirm) {
    return fail("confirmation_required", `Confirm before publishing: ${analysis.report.confirmationReason ?? "this file needs confirmation"}`);
  }
  const meta = { source: `operator:${userId}`, retrievedAt: opts.retrievedAt ?? deps.clock.now() };
  const published = await publishAnalysis(deps, connection, analysis, meta);
  if (!published.ok) return published;
  // the mapping that worked becomes the connection's recipe for scheduled reports of this kind (the first one only)
  await keepRecipe(deps, connection.id, { group: analysis.group, name: (mapping as { templateName?: string }).templateName ?? `Mapping of ${upload.value.fileName}`, mapping, table: parsed.value });
  await updateUpload(deps.db, id, {
    status: "published",
    publishedSnapshotId: published.value.snapshot_id,
    report: analysis.report as never,
    diff: analysis.diff as never,
    updatedAt: deps.clock.now(),
  });
  return getUpload(deps, id);
}

/** Discard an upload (kept for the record, never published). */
export async function discardUpload(deps: Deps, id: string): Promise<Result<true>> {
  const upload = await loadUpload(deps, id);
  if (!upload.ok) return upload;
  if (upload.value.status === "published") return fail("invalid_request", "A published upload cannot be discarded");
  await updateUpload(deps.db, id, { status: "discarded", updatedAt: deps.clock.now() });
  return ok(true);
}
