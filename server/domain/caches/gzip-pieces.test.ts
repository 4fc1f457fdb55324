import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine, deflatePiece, gzipOf, storedPiece } from "./gzip-pieces.js";

describe("gzip answers from pieces", () => {
  it("combines CRC-32s as zlib computes the CRC of the whole", () => {
    for (const [a, b] of [
      ["", ""],
      ["a", ""],
      ["", "b"],
      ["hello ", "world"],
      ["x".repeat(70_000), "yz".repeat(123_457)],
    ] as const) {
      const [ba, bb] = [Buffer.from(a), Buffer.from(b)];
      expect(crc32Combine(zlib.crc32(ba), zlib.crc32(bb), bb.length)).toBe(zlib.crc32(Buffer.concat([ba, bb])));
    }
  });

  it("stored and deflated pieces in any order make one gzip member that Node and the WHATWG stream both inflate", async () => {
    const parts = [
      Buffer.from('{"responses":['),
      Buffer.from(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: i, name: `person ${i % 17}` })))),
      Buffer.alloc(0),
      Buffer.alloc(70_000, 0x61), // more than one stored block (65,535 bytes at most)
      Buffer.from("]}"),
    ];
    const pieces = [
      storedPiece(parts[0]!),
      await deflatePiece(parts[1]!),
      storedPiece(parts[2]!),
      storedPiece(parts[3]!),
      await deflatePiece(parts[4]!),
    ];
    const gz = gzipOf(pieces);
    const whole = Buffer.concat(parts);
    expect(zlib.gunzipSync(gz).equals(whole)).toBe(true);
    const inflated = await new Response(new Blob([new Uint8Array(gz)]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    expect(Buffer.from(inflated).equals(whole)).toBe(true);
  });

  it("an answer of no pieces is a valid empty member", () => {
    expect(zlib.gunzipSync(gzipOf([])).length).toBe(0);
  });
});
