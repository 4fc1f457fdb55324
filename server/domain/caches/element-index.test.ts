import { describe, expect, it } from "vitest";
import { type ElementIndex, packElements } from "./element-index.js";

/** Elements as snapshot-reader.ts writes them, back to back, and the index over them. */
function indexOf(ids: (string | null)[]): { index: ElementIndex; text: (i: number) => string; bytes: Buffer } {
  const texts = ids.map((id, n) => (id === null ? "" : `{"individual_id":${JSON.stringify(id)},"code":200,"body":{"n":${n}}}`));
  const { bytes, index } = packElements(texts, ids);
  return { index, text: (i) => texts[i]!, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) };
}

/** The element text each id was found at, or null. */
function found(built: ReturnType<typeof indexOf>, ids: string[]): (string | null)[] {
  const spans = built.index.find(ids);
  return ids.map((_, i) => (spans[i * 2 + 1] === 0 ? null : built.bytes.subarray(spans[i * 2]!, spans[i * 2 + 1]!).toString()));
}

describe("ElementIndex", () => {
  it("finds each id's element, in the order asked, with repeats, and nothing for unknown ids", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `0b6f${String(i).padStart(4, "0")}-8d3e-4c1a-9f2b-5e7d1c0a3b4f`);
    const built = indexOf(ids);
    const asked = [ids[999]!, ids[0]!, "missing", ids[500]!, ids[0]!, `${ids[1]!}x`, ids[1]!.slice(0, -1), ""];
    expect(found(built, asked)).toEqual([built.text(999), built.text(0), null, built.text(500), built.text(0), null, null, null]);
  });

  it("finds ids whose element bytes are not their characters (escaped by JSON, or UTF-8)", () => {
    const odd = ['quote"d', "back\\slash", "tab\there", "café", "😀", "\ud800"];
    const built = indexOf(["plain", ...odd]);
    expect(found(built, odd)).toEqual(odd.map((_, i) => built.text(i + 1)));
    expect(found(built, ["cafe", "plain"])).toEqual([null, built.text(0)]);
  });

  it("keeps the first of a repeated id and skips records without one", () => {
    const built = indexOf(["a", null, "a", "b"]);
    expect(found(built, ["a", "b"])).toEqual([built.text(0), built.text(3)]);
  });

  it("tells apart two ids with the same 32-bit hash", () => {
    // found by search: these two have the same hash, so one of them sits in the other's probe sequence
    const built = indexOf(["person-779058", "person-1222700"]);
    expect(found(built, ["person-1222700", "person-779058"])).toEqual([built.text(1), built.text(0)]);
    expect(found(indexOf(["person-779058"]), ["person-1222700"])).toEqual([null]);
  });
});
