import {
  findUpload,
  listPlainUploadIds,
  purgeUploadContentBefore,
  storeSealedContent,
  type UploadRow,
} from "../../db/repositories/uploads.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/**
 * Uploaded provider exports hold SSNs and pay: the file is stored sealed (AES-256-GCM under the secrets key, bound
 * to the upload id so a file cannot be moved to another row), opened only in memory to parse, map and publish, and
 * deleted after LINNET_UPLOAD_RETENTION_DAYS. The upload's report and diff, and the snapshots it published, stay.
 */

/** Associated data binding a sealed file to its upload. */
const aad = (uploadId: string) => `ingestion_uploads.content:${uploadId}`;

/** The bytes to store for a new upload's file. */
export function sealUploadContent(deps: Pick<Deps, "cipher">, uploadId: string, bytes: Buffer): Buffer {
  return deps.cipher.encryptBytes(bytes, aad(uploadId));
}

/** Why an upload's file can no longer be read. */
export function purgedMessage(retentionDays: number): string {
  return `The file was deleted ${retentionDays} days after upload (LINNET_UPLOAD_RETENTION_DAYS); upload it again to use it`;
}

/** The upload's file in clear, or why not (purged). */
export function openUploadContent(deps: Pick<Deps, "cipher" | "config">, upload: UploadRow): Result<Buffer> {
  if (upload.content === null) return fail("invalid_request", purgedMessage(deps.config.uploadRetentionDays));
  // rows from before sealing existed are read as stored until the start-up step has sealed them
  return ok(upload.contentSealed ? deps.cipher.decryptBytes(upload.content, aad(upload.id)) : upload.content);
}

/**
 * Start-up step: seal the files uploaded before sealing existed (a migration cannot, it has no key). One file at
 * a time (files reach LINNET_UPLOAD_MAX_MB); safe to run in several processes at once. Returns how many it sealed.
 */
export async function sealPlainUploads(deps: Pick<Deps, "db" | "cipher">): Promise<number> {
  let sealed = 0;
  for (;;) {
    const ids = await listPlainUploadIds(deps.db, 20);
    if (ids.length === 0) return sealed;
    for (const id of ids) {
      const row = await findUpload(deps.db, id);
      if (!row || row.contentSealed || row.content === null) continue;
      await storeSealedContent(deps.db, id, sealUploadContent(deps, id, row.content));
      sealed++;
    }
  }
}

/** Housekeeping: delete the files of uploads older than the retention; returns how many. */
export function purgeExpiredUploads(deps: Pick<Deps, "db" | "clock" | "config">): Promise<number> {
  const now = deps.clock.now();
  return purgeUploadContentBefore(deps.db, new Date(now.getTime() - deps.config.uploadRetentionDays * DAY_MS), now);
}
