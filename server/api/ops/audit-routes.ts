import { Readable } from "node:stream";
import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { AuditPageSchema, AuditQuerySchema } from "../../../contracts/linnet/audit.js";
import type { AuditRow } from "../../db/repositories/audit.repository.js";
import { allAuditRows, readAuditPage } from "../../domain/audit/audit-log.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import type { RouteModule } from "../types.js";

const CSV_HEADER = [
  "time",
  "actor_email",
  "actor_role",
  "action",
  "target_type",
  "target_id",
  "application_id",
  "connection_id",
  "summary",
];

/** One CSV field: quoted, and a leading = + - @ neutralized so a spreadsheet never runs it as a formula. */
function csvField(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

const csvLine = (row: AuditRow) =>
  `${[row.at.toISOString(), row.actorEmail, row.actorRole, row.action, row.targetType, row.targetId, row.applicationId, row.connectionId, row.summary].map(csvField).join(",")}\r\n`;

/** The audit log for admins: a filtered page as JSON, and every matching line as a CSV download. */
export const opsAuditRoutes: RouteModule = (app, deps) => {
  app.get(
    "/ops/api/audit",
    { schema: { hide: true, querystring: AuditQuerySchema, response: { 200: AuditPageSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "admin.audit");
      return readAuditPage(deps, request.query);
    },
  );
  // the answer is a stream, which Fastify sends as it is (never through a serializer); the schema only types it
  const CsvStream = z.custom<Readable>((v) => v instanceof Readable);
  app.get(
    "/ops/api/audit.csv",
    { schema: { hide: true, querystring: AuditQuerySchema, response: { 200: CsvStream, "4xx": FinchErrorSchema } } },
    async (request, reply) => {
      await requireConsoleActor(deps, request, "admin.audit");
      const { limit: _limit, before: _before, ...filter } = request.query;
      async function* lines() {
        yield `${CSV_HEADER.join(",")}\r\n`;
        for await (const row of allAuditRows(deps, filter)) yield csvLine(row);
      }
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="linnet-audit-${day}.csv"`)
        .header("cache-control", "no-store")
        .send(Readable.from(lines()));
    },
  );
};
