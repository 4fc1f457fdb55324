import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  FileDecisionSchema,
  FileReceivedSchema,
  InboxCredentialsSchema,
  IntakeFileDetailSchema,
  IntakeFileSchema,
  IntakeSourceSchema,
  UpdateInboxSchema,
} from "../../../contracts/linnet/intake.js";
import { decideFile } from "../../commands/decide-intake-file.js";
import { FinchError } from "../../domain/errors.js";
import { resetInboxPassword, updateInbox } from "../../domain/intake/inboxes.js";
import { getFile, getSource, listFiles } from "../../domain/intake/intake-view.js";
import { receiveFile } from "../../domain/intake/receive-file.js";
import { requireConsoleActor, requireOperatorKeyOrSession } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ id: z.string() });
const tags = ["Operations"];

/** Scheduled-report intake: inboxes, the files API, delivered files and the decisions on held ones. */
export const opsIntakeRoutes: RouteModule = (app, deps) => {
  const max = deps.config.uploadMaxBytes;
  app.post(
    "/ops/api/connections/:id/files",
    {
      bodyLimit: max,
      onRequest: async (request) => {
        if (Number(request.headers["content-length"] ?? 0) > max)
          throw new FinchError(
            "payload_too_large",
            `The file is larger than the ${Math.round(max / 1024 / 1024)} MB limit (LINNET_UPLOAD_MAX_MB)`,
          );
      },
      schema: {
        tags,
        summary: "Deliver a scheduled report file into the intake pipeline (operator API key)",
        security: [{ bearerAuth: [] }],
        params,
        querystring: z.object({ file_name: z.string().min(1).max(255) }),
        response: { 202: FileReceivedSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      await requireOperatorKeyOrSession(deps, request, "ops.write");
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes))
        throw new FinchError(
          "unsupported_media_type",
          "Send the file itself as the body (Content-Type: application/octet-stream, text/csv or the XLSX type)",
        );
      const stored = unwrap(await receiveFile(deps, request.params.id, { channel: "api", fileName: request.query.file_name, bytes }));
      return reply.status(202).send({ ...stored, status: "received" });
    },
  );

  app.post(
    "/ops/api/connections/:id/inbox/password",
    {
      schema: {
        tags,
        summary: "Open the SFTP inbox or set a new password (shown once)",
        params,
        response: { 200: InboxCredentialsSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const created = unwrap(await resetInboxPassword(deps, `user:${actor.userId}`, request.params.id));
      return {
        username: created.username,
        password: created.password ?? "",
        host: new URL(deps.config.publicUrl).hostname,
        port: deps.config.intake.sftpPort,
      };
    },
  );

  app.patch(
    "/ops/api/connections/:id/inbox",
    {
      schema: {
        tags,
        summary: "Set the inbox's public keys or expected cadence",
        params,
        body: UpdateInboxSchema,
        response: { 200: IntakeSourceSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await updateInbox(deps, `user:${actor.userId}`, request.params.id, request.body));
      return unwrap(await getSource(deps, request.params.id));
    },
  );

  app.get(
    "/ops/api/connections/:id/intake",
    {
      schema: {
        tags,
        summary: "A connection's scheduled-report source",
        params,
        response: { 200: IntakeSourceSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return unwrap(await getSource(deps, request.params.id));
    },
  );

  app.get(
    "/ops/api/intake/files",
    {
      schema: {
        tags,
        summary: "Delivered files, newest first",
        querystring: z.object({
          status: z.enum(["received", "published", "held", "rejected", "duplicate"]).optional(),
          connection_id: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ files: z.array(IntakeFileSchema) }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return {
        files: await listFiles(deps, {
          connectionId: request.query.connection_id,
          status: request.query.status,
          limit: request.query.limit,
        }),
      };
    },
  );

  app.get(
    "/ops/api/intake/files/:id",
    {
      schema: {
        tags,
        summary: "A delivered file with the gate's verdict",
        params,
        response: { 200: IntakeFileDetailSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return unwrap(await getFile(deps, request.params.id));
    },
  );

  app.post(
    "/ops/api/intake/files/:id/decision",
    {
      schema: {
        tags,
        summary: "Publish a held file anyway, reject it, or re-run it",
        params,
        body: FileDecisionSchema,
        response: { 200: z.object({ status: z.string() }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireOperatorKeyOrSession(deps, request, "ops.write");
      return unwrap(await decideFile(deps, actor.userId, request.params.id, request.body));
    },
  );
};
