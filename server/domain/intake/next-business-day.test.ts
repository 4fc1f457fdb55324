import { describe, expect, it } from "vitest";
import { nextBusinessDay } from "./file-outcomes.js";

describe("nextBusinessDay (when a held file's review is due)", () => {
  it("is the end of the next day on a weekday", () => {
    expect(nextBusinessDay(new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-02T23:59:59.999Z"); // Tue → Wed
  });
  it("skips the weekend from a Friday or a Saturday", () => {
    expect(nextBusinessDay(new Date("2026-12-04T10:00:00Z")).toISOString()).toBe("2026-12-07T23:59:59.999Z"); // Fri → Mon
    expect(nextBusinessDay(new Date("2026-12-05T03:00:00Z")).toISOString()).toBe("2026-12-07T23:59:59.999Z"); // Sat → Mon
  });
});
