import { describe, expect, it } from "vitest";
import { canMoveTask, slaHealth, TASK_TRANSITIONS } from "./task-machine.js";

describe("the task state machine", () => {
  it.each([
    ["open", "in_progress"],
    ["in_progress", "open"],
    ["in_progress", "done"],
    ["open", "cancelled"],
  ] as const)("allows %s → %s", (a, b) => expect(canMoveTask(a, b)).toBe(true));
  it.each([
    ["done", "open"],
    ["cancelled", "in_progress"],
    ["open", "open"],
    ["done", "cancelled"],
  ] as const)("refuses %s → %s", (a, b) => expect(canMoveTask(a, b)).toBe(false));
  it("has final done and cancelled states", () => {
    expect(TASK_TRANSITIONS.done).toEqual([]);
    expect(TASK_TRANSITIONS.cancelled).toEqual([]);
  });
  it("grades SLA health", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(slaHealth("open", new Date("2026-03-10T00:00:00Z"), now)).toBe("on_track");
    expect(slaHealth("open", new Date("2026-03-02T00:00:00Z"), now)).toBe("due_soon");
    expect(slaHealth("in_progress", new Date("2026-02-28T00:00:00Z"), now)).toBe("overdue");
    expect(slaHealth("done", new Date("2026-02-28T00:00:00Z"), now)).toBe("closed");
  });
});
