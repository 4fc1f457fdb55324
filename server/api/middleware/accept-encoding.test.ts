import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./accept-encoding.js";

describe("acceptsGzip", () => {
  it("reads codings and q-values as RFC 9110 does", () => {
    const cases: [string | string[] | undefined, boolean][] = [
      [undefined, false],
      ["", false],
      ["gzip, deflate", true],
      ["GZip", true],
      ["x-gzip", true],
      ["deflate, br", false],
      ["identity", false],
      ["gzip;q=0", false],
      ["gzip; q=0.001", true],
      ["gzip;q=0, *", false],
      ["*", true],
      ["*;q=0", false],
      ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
      [["deflate", "gzip"], true],
      ["gzip;q=abc", false],
    ];
    for (const [header, expected] of cases) expect(acceptsGzip(header), JSON.stringify(header)).toBe(expected);
  });
});
