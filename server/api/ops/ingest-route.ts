import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { JsonIngestSchema, ReportSchema } from "../../../contracts/linnet/ops.js";
import { OrgSnapshotInputSchema, PaySnapshotInputSchema } from "../../../contracts/linnet/snapshot-input.js";
import { ingestJson } from "../../commands/ingest-json.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { FinchError } from "../../domain/errors.js";
import { requireOperatorKeyOrSession } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

/** `POST /ops/api/ingest`: automation scripts publish JSON data with an operator API key, through the same validation. */
export const opsIngestRoute: RouteModule = (app, deps) => {
  app.post(
    "/ops/api/ingest",
    {
      bodyLimit: deps.config.uploadMaxBytes,
      schema: {
        tags: ["Operations"],
        summary: "Publish organization or pay data as JSON (operator API key)",
        security: [{ bearerAuth: [] }],
        body: JsonIngestSchema,
        response: { 200: z.object({ snapshot_id: z.string(), version: z.number(), report: ReportSchema }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireOperatorKeyOrSession(deps, request, "ops.write");
      const schema = request.body.group === "org" ? OrgSnapshotInputSchema : PaySnapshotInputSchema;
      const parsed = schema.safeParse(request.body.data);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 20).map((i) => `data.${i.path.join(".")}: ${i.message}`);
        throw new FinchError("invalid_request", problems.join("; "));
      }
      const retrievedAt = request.body.retrieved_at ? new Date(request.body.retrieved_at) : deps.clock.now();
      const published = unwrap(
        await ingestJson(deps, actor.userId, request.body.connection_id, request.body.group, parsed.data, {
          retrievedAt,
          confirm: request.body.confirm,
        }),
      );
      const group = request.body.group === "org" ? "organization" : "pay";
      const via = actor.kind === "api_key" ? " with an API key" : "";
      await recordAudit(deps, actor, {
        action: "ingest.published",
        target: { type: "snapshot", id: published.snapshot_id },
        connectionId: request.body.connection_id,
        summary: `Published ${group} data as JSON${via} (version ${published.version})`,
        details: { group: request.body.group, version: published.version },
      });
      return published;
    },
  );
};
