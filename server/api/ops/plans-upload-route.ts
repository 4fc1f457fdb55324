import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { PlansPublishedSchema } from "../../../contracts/linnet/plans-export.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { FinchError } from "../../domain/errors.js";
import { publishEnrollmentExport } from "../../domain/plans/publish-enrollment-export.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

/**
 * `POST /ops/api/connections/:id/plans-export?file_name=…[&retrieved_at=…]`: an operator publishes a
 * benefits-enrollment export (CSV or XLSX, raw body like other uploads) as the connection's plans, enrollments and
 * dependents, replacing the previous ones.
 */
export const opsPlansUploadRoute: RouteModule = (app, deps) => {
  app.post(
    "/ops/api/connections/:id/plans-export",
    {
      bodyLimit: deps.config.uploadMaxBytes,
      schema: {
        hide: true,
        params: z.object({ id: z.string() }),
        querystring: z.object({ file_name: z.string().min(1).max(255), retrieved_at: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: PlansPublishedSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes))
        throw new FinchError(
          "unsupported_media_type",
          "Send the file itself as the body (Content-Type: application/octet-stream, text/csv or the XLSX type)",
        );
      const { file_name: fileName, retrieved_at: retrieved } = request.query;
      const counts = unwrap(
        await publishEnrollmentExport(deps, actor.userId, request.params.id, {
          fileName,
          bytes,
          retrievedAt: retrieved ? new Date(retrieved) : undefined,
        }),
      );
      await recordAudit(deps, actor, {
        action: "upload.published",
        target: { type: "connection", id: request.params.id },
        connectionId: request.params.id,
        summary: `Published benefit plans from "${fileName}" (${counts.plans} plans, ${counts.enrollments} enrollments, ${counts.dependents} dependents)`,
        details: counts,
      });
      return counts;
    },
  );
};
