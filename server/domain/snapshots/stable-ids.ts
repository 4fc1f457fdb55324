import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { insertSourceIds, loadSourceIds } from "../../db/repositories/snapshots.repository.js";
import { FinchError } from "../errors.js";

/** Whether a string holds a character below U+0020 (tab, newline, NUL…). */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
  return false;
}

/** Maps a source system's ids to Linnet's stable UUIDs for one connection and kind; new ids are saved on flush. */
export class StableIds {
  private readonly fresh: { sourceId: string; id: string }[] = [];
  private constructor(
    private readonly connectionId: string,
    private readonly kind: string,
    private readonly known: Map<string, string>,
  ) {}

  /** Load the existing mappings. */
  static async load(tx: Db, connectionId: string, kind: string): Promise<StableIds> {
    return new StableIds(connectionId, kind, await loadSourceIds(tx, connectionId, kind));
  }

  /** The UUID for a source id, minting one the first time it is seen (an id with control characters is refused). */
  idOf(sourceId: string): string {
    let id = this.known.get(sourceId);
    if (!id) {
      // ids are stored through a tab-separated bulk insert, and no real system's ids hold these
      if (hasControlCharacter(sourceId))
        throw new FinchError(
          "invalid_request",
          `${this.kind} id ${JSON.stringify(sourceId)}: must not contain tabs, line breaks or other control characters`,
        );
      id = randomUUID();
      this.known.set(sourceId, id);
      this.fresh.push({ sourceId, id });
    }
    return id;
  }

  /** The UUID for a source id, or undefined when it has not been seen. */
  existing(sourceId: string): string | undefined {
    return this.known.get(sourceId);
  }

  /** Save the ids minted since loading. */
  async flush(tx: Db): Promise<void> {
    await insertSourceIds(tx, this.connectionId, this.kind, this.fresh.splice(0));
  }
}
