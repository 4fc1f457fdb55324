import { describe, expect, it } from "vitest";
import { CONNECTION_TRANSITIONS, type ConnectionState, canTransition, statusLabel } from "./status-machine.js";

const STATES = Object.keys(CONNECTION_TRANSITIONS) as ConnectionState[];

describe("the connection state machine", () => {
  it.each([
    ["pending", "processing"],
    ["processing", "connected"],
    ["pending", "error_no_account_setup"],
    ["error_permissions", "processing"],
    ["connected", "reauth"],
    ["reauth", "connected"],
    ["connected", "disconnected"],
  ] as const)("allows %s → %s", (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ["disconnected", "connected"],
    ["disconnected", "pending"],
    ["connected", "pending"],
    ["reauth", "processing"],
    ["pending", "reauth"],
    ["pending", "pending"],
  ] as const)("refuses %s → %s", (from, to) => expect(canTransition(from, to)).toBe(false));

  it("lets every state be disconnected, and nothing leave disconnected", () => {
    for (const s of STATES) if (s !== "disconnected") expect(canTransition(s, "disconnected")).toBe(true);
    expect(CONNECTION_TRANSITIONS.disconnected).toEqual([]);
  });

  it("maps states to the four dashboard labels, error states to needs attention", () => {
    expect(STATES.map(statusLabel)).toEqual([
      "PENDING",
      "PROCESSING",
      "NEEDS ATTENTION",
      "NEEDS ATTENTION",
      "CONNECTED",
      "NEEDS ATTENTION",
      "DISCONNECTED",
    ]);
  });
});
