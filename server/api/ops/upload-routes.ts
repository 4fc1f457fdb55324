import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  PublishUploadSchema,
  SaveTemplateSchema,
  SetMappingSchema,
  TemplateSchema,
  UploadViewSchema,
} from "../../../contracts/linnet/ops.js";
import { publishUpload } from "../../commands/publish-upload.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { FinchError } from "../../domain/errors.js";
import type { Mapping } from "../../domain/ingestion/index.js";
import { saveTemplate } from "../../domain/ops/templates.js";
import { createUpload, discardUpload, getUpload, setUploadMapping, templatesFor } from "../../domain/ops/uploads.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const hidden = { hide: true } as const;
const params = z.object({ id: z.string() });
/** File bodies arrive raw (no multipart): the console sends the File object as the request body. */
export const UPLOAD_CONTENT_TYPES = [
  "application/octet-stream",
  "text/csv",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
];

/** Uploads of provider exports: create, view, map, publish, discard; and mapping templates. */
export const opsUploadRoutes: RouteModule = (app, deps) => {
  const max = deps.config.uploadMaxBytes;
  const tooBig = () =>
    new FinchError(
      "payload_too_large",
      `The file is larger than the ${Math.round(max / 1024 / 1024)} MB upload limit (LINNET_UPLOAD_MAX_MB)`,
    );

  app.post(
    "/ops/api/connections/:id/uploads",
    {
      bodyLimit: max,
      onRequest: async (request) => {
        if (Number(request.headers["content-length"] ?? 0) > max) throw tooBig();
      },
      schema: {
        ...hidden,
        params,
        // entity_id: which entity of a multi-entity connection the file is for (default: the connection's first)
        querystring: z.object({ group: z.enum(["org", "pay"]), file_name: z.string().min(1).max(255), entity_id: z.guid().optional() }),
        response: { 201: UploadViewSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes))
        throw new FinchError(
          "unsupported_media_type",
          "Send the file itself as the body (Content-Type: application/octet-stream, text/csv or the XLSX type)",
        );
      const uploaded = unwrap(
        await createUpload(deps, actor.userId, request.params.id, {
          group: request.query.group,
          fileName: request.query.file_name,
          contentType: request.headers["content-type"],
          bytes,
          entityId: request.query.entity_id,
        }),
      );
      return reply.status(201).send(uploaded);
    },
  );

  app.get(
    "/ops/api/uploads/:id",
    { schema: { ...hidden, params, response: { 200: UploadViewSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return unwrap(await getUpload(deps, request.params.id));
    },
  );

  app.put(
    "/ops/api/uploads/:id/mapping",
    { schema: { ...hidden, params, body: SetMappingSchema, response: { 200: UploadViewSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.write");
      return unwrap(await setUploadMapping(deps, request.params.id, request.body as { mapping?: Mapping; template_id?: string }));
    },
  );

  app.post(
    "/ops/api/uploads/:id/publish",
    { schema: { ...hidden, params, body: PublishUploadSchema, response: { 200: UploadViewSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const retrievedAt = request.body.retrieved_at ? new Date(request.body.retrieved_at) : undefined;
      const view = unwrap(await publishUpload(deps, actor.userId, request.params.id, { retrievedAt, confirm: request.body.confirm }));
      await recordAudit(deps, actor, {
        action: "upload.published",
        target: { type: "upload", id: view.id },
        connectionId: view.connection_id,
        summary: `Published ${view.group === "org" ? "organization" : "pay"} data from "${view.file_name}" (${view.row_count} rows)`,
        details: { group: view.group, rows: view.row_count },
      });
      return view;
    },
  );

  app.delete("/ops/api/uploads/:id", { schema: { ...hidden, params } }, async (request, reply) => {
    const actor = await requireConsoleActor(deps, request, "ops.write");
    unwrap(await discardUpload(deps, request.params.id));
    await recordAudit(deps, actor, {
      action: "upload.discarded",
      target: { type: "upload", id: request.params.id },
      summary: "Discarded an upload",
    });
    return reply.status(204).send();
  });

  app.get(
    "/ops/api/templates",
    {
      schema: {
        ...hidden,
        querystring: z.object({ provider: z.string(), group: z.enum(["org", "pay"]) }),
        response: { 200: z.array(TemplateSchema), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      const list = await templatesFor(deps, request.query.provider, request.query.group);
      return list.map((t) => ({
        id: t.id,
        provider_id: t.provider_id,
        group: t.group,
        name: t.name,
        builtin: t.id === null,
        mapping: t.mapping,
      }));
    },
  );

  app.post(
    "/ops/api/templates",
    { schema: { ...hidden, body: SaveTemplateSchema, response: { 201: TemplateSchema, "4xx": FinchErrorSchema } } },
    async (request, reply) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const saved = unwrap(
        await saveTemplate(deps, actor.userId, request.body.provider_id, request.body.name, request.body.mapping as Mapping),
      );
      return reply.status(201).send(saved);
    },
  );
};
