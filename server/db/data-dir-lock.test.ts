import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.js";

describe("the data directory lock", () => {
  it("refuses a second holder while the first lives, and frees on release", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-lock-"));
    // a live process other than us holds it
    fs.writeFileSync(path.join(dir, "linnet.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    fs.unlinkSync(path.join(dir, "linnet.lock"));
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "linnet.lock"), "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, "linnet.lock"))).toBe(false);
  });
  it("reclaims a lock left by a dead process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-lock-"));
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dir, "linnet.lock"), dead);
    const lock = lockDataDir(dir);
    lock.release();
  });
});
