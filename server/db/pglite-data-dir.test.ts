import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";
import { PGLITE_SHARED_BUFFERS } from "./pglite-settings.js";

describe("PGlite on a data directory", () => {
  it("creates a new directory's cluster, then opens and reopens it with its settings", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-pglite-"));
    try {
      const first = await openDatabase({ dataDir: dir, embeddedEngine: "pglite" });
      expect(first.kind).toBe("pglite");
      expect(fs.existsSync(path.join(dir, "pgdata", "PG_VERSION"))).toBe(true);
      await first.executeSql("create table kept (n int)");
      await first.executeSql("insert into kept values ($1)", [7]);
      const setting = await first.executeSql("select current_setting('shared_buffers') as v");
      expect(setting.rows).toEqual([{ v: PGLITE_SHARED_BUFFERS }]);
      await first.close();
      const again = await openDatabase({ dataDir: dir, embeddedEngine: "pglite" });
      expect((await again.executeSql("select n from kept")).rows).toEqual([{ n: 7 }]);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
