import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { insertSourceIds, loadSourceIds } from "../../db/repositories/snapshots.repository.js";

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

  /** The UUID for a source id, minting one the first time it is seen. */
  idOf(sourceId: string): string {
    let id = this.known.get(sourceId);
    if (!id) {
      id = randomUUID();
      this.known.set(sourceId, id);
      this.fresh.push({ sourceId, id });
    }
    return id;
  }

  /** The UUID for a source id, or undefined when it was never seen. */
  existing(sourceId: string): string | undefined {
    return this.known.get(sourceId);
  }

  /** Save the ids minted since loading. */
  async flush(tx: Db): Promise<void> {
    const rows = this.fresh.splice(0).map((f) => ({ connectionId: this.connectionId, kind: this.kind, sourceId: f.sourceId, id: f.id }));
    await insertSourceIds(tx, rows);
  }
}
