import { describe, expect, it } from "vitest";
import { RecordCache } from "./record-cache.js";

const loaded =
  (value: string, bytes = 10) =>
  async () => ({ value, bytes });

describe("RecordCache", () => {
  it("keeps what fits its byte budget and evicts the oldest unused entries first", () => {
    const cache = new RecordCache<string>(30);
    cache.set("a", "A", 10);
    cache.set("b", "B", 10);
    cache.set("c", "C", 10);
    cache.get("a"); // used: a second chance
    cache.set("d", "D", 10);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.get("d")]).toEqual(["A", undefined, "C", "D"]);
    cache.set("e", "E", 25); // a, c and d were all used since: each passed over once, then the oldest go
    expect(["a", "c", "d", "e"].map((k) => cache.get(k))).toEqual([undefined, undefined, undefined, "E"]);
  });

  it("does not keep a value larger than its budget, and never evicts past one", () => {
    const cache = new RecordCache<string>(30);
    cache.set("a", "A", 10);
    cache.set("huge", "H", 31);
    expect([cache.get("a"), cache.get("huge")]).toEqual(["A", undefined]);
    cache.set("a", "A2", 30); // replacing an entry counts its bytes once
    expect(cache.get("a")).toBe("A2");
  });

  it("answers a hit at once, and shares one load between concurrent misses", async () => {
    const cache = new RecordCache<string>(100);
    let loads = 0;
    const loader = async () => {
      loads++;
      return { value: "V", bytes: 10 };
    };
    const [one, two] = [cache.lookup("k", loader), cache.lookup("k", loader)];
    expect(one).toBeInstanceOf(Promise);
    expect(await Promise.all([one, two])).toEqual(["V", "V"]);
    expect(loads).toBe(1);
    expect(cache.lookup("k", loaded("other"))).toBe("V");
    expect(await cache.load("k", loaded("other"))).toBe("V");
  });

  it("does not cache a failed load, so the next lookup loads again", async () => {
    const cache = new RecordCache<string>(100);
    await expect(cache.load("k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.load("k", loaded("V"))).toBe("V");
  });
});
