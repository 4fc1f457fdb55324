import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDatabaseOutage } from "./pool-errors.js";

/** The error a real connect to `socket` fails with. */
function connectError(socket: string): Promise<Error> {
  return new Promise((resolve) => {
    const s = net.connect(socket);
    s.once("error", resolve);
    s.once("connect", () => {
      s.destroy();
      resolve(new Error("connected"));
    });
  });
}

describe("isDatabaseOutage", () => {
  it("counts a unix socket that is not there (a stopped server) as an outage, even wrapped", async () => {
    const err = await connectError(path.join(os.tmpdir(), `no-such-server-${process.pid}`, ".s.PGSQL.5432"));
    expect((err as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(isDatabaseOutage(err)).toBe(true);
    expect(isDatabaseOutage(new Error("Failed query: select 1", { cause: err }))).toBe(true);
  });

  it("does not count any other missing file", () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), { code: "ENOENT", syscall: "open" });
    expect(isDatabaseOutage(missing)).toBe(false);
    expect(isDatabaseOutage(new Error("a bug"))).toBe(false);
  });
});
