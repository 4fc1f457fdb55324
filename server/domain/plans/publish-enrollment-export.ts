/** An operator publishes a benefits-enrollment export for a connection: parse → map (the common layout) → replace its plans. */
import { findConnection } from "../../db/repositories/connections.repository.js";
import { loadSourceIds } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { parseUpload } from "../ingestion/parse-upload.js";
import { mapEnrollmentExport } from "./map-enrollment-export.js";
import { publishPlans } from "./publish-plans.js";

/** What the operator uploaded. */
export interface EnrollmentExportFile {
  fileName: string;
  bytes: Uint8Array;
  /** When the export was pulled from the provider (default now). */
  retrievedAt?: Date;
}

/** Publish the file's plans for the connection; the census must be published first (employee ids are matched against it). */
export async function publishEnrollmentExport(
  deps: Pick<Deps, "db" | "clock" | "cipher">,
  userId: string,
  connectionId: string,
  file: EnrollmentExportFile,
): Promise<Result<{ plans: number; enrollments: number; dependents: number }>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (!connection.orgSnapshotId)
    return fail("invalid_request", "Publish this employer's census first: enrollment rows are matched to its employees by employee id");
  const table = await parseUpload(file.bytes, file.fileName, { maxRows: 200_000 });
  if (!table.ok) return table;
  const people = await loadSourceIds(deps.db, connection.id, "individual");
  const input = mapEnrollmentExport(table.value, (employeeId) => people.get(employeeId));
  if (!input.ok) return input;
  const now = deps.clock.now();
  const counts = await deps.db.transaction((tx) =>
    publishPlans(tx, deps.cipher, connection.id, input.value, {
      source: "upload",
      fileName: file.fileName,
      retrievedAt: file.retrievedAt ?? now,
      now,
      actor: `user:${userId}`,
    }),
  );
  return ok(counts);
}
