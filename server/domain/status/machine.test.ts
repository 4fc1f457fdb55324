import { describe, expect, it } from "vitest";
import { MANUAL_JOB_MACHINE } from "../assisted/manual-job-machine.js";
import { BENEFIT_JOB_MACHINE, BENEFIT_STATE_MACHINE } from "../benefits/benefit-job-machine.js";
import { AUTOMATED_JOB_MACHINE } from "../data-syncs/automated-job-machine.js";
import { FILE_MACHINE } from "../intake/file-machine.js";
import { UPLOAD_MACHINE } from "../ops/upload-machine.js";
import { canMove, isFinal, type Machine, refuseMove, TransitionRefused } from "./machine.js";

/** Every (from, to) pair of a machine's states. */
function pairs<S extends string>(machine: Machine<S>): [S, S][] {
  const states = Object.keys(machine.moves) as S[];
  return states.flatMap((from) => states.map((to): [S, S] => [from, to]));
}

/** Each machine with moves it must allow and moves it must refuse. */
const CASES = [
  {
    machine: AUTOMATED_JOB_MACHINE,
    allowed: [
      ["pending", "in_progress"],
      ["in_progress", "complete"],
      ["in_progress", "reauth_error"],
      ["pending", "error"],
    ],
    refused: [
      ["complete", "pending"],
      ["pending", "complete"],
      ["error", "in_progress"],
    ],
  },
  {
    machine: BENEFIT_JOB_MACHINE,
    allowed: [
      ["pending", "complete"],
      ["pending", "error"],
      ["in_progress", "complete"],
    ],
    refused: [
      ["complete", "error"],
      ["error", "pending"],
      ["in_progress", "pending"],
    ],
  },
  {
    machine: BENEFIT_STATE_MACHINE,
    allowed: [
      ["pending", "active"],
      ["pending", "failed"],
    ],
    refused: [
      ["active", "failed"],
      ["failed", "active"],
      ["active", "pending"],
    ],
  },
  {
    machine: MANUAL_JOB_MACHINE,
    allowed: [
      ["pending", "in_progress"],
      ["in_progress", "complete"],
      ["pending", "error"],
    ],
    refused: [
      ["complete", "in_progress"],
      ["in_progress", "pending"],
      ["error", "complete"],
    ],
  },
  {
    machine: FILE_MACHINE,
    allowed: [
      ["received", "published"],
      ["received", "held"],
      ["held", "received"],
      ["held", "rejected"],
    ],
    refused: [
      ["published", "received"],
      ["duplicate", "held"],
      ["received", "received"],
    ],
  },
  {
    machine: UPLOAD_MACHINE,
    allowed: [
      ["valid", "published"],
      ["invalid", "invalid"],
      ["needs_mapping", "discarded"],
    ],
    refused: [
      ["invalid", "published"],
      ["published", "discarded"],
      ["discarded", "valid"],
    ],
  },
] as const;

describe("state machines", () => {
  for (const { machine, allowed, refused } of CASES) {
    const m = machine as Machine<string>;
    it(`${m.entity}: allowed moves pass`, () => {
      for (const [from, to] of allowed) {
        expect(canMove(m, from, to), `${from} → ${to}`).toBe(true);
        expect(refuseMove(m, from, to)).toBeNull();
      }
    });

    it(`${m.entity}: other moves give a typed refusal naming the entity and both states`, () => {
      for (const [from, to] of refused) {
        const error = refuseMove(m, from, to);
        expect(error).toBeInstanceOf(TransitionRefused);
        expect(error).toMatchObject({ id: "invalid_request", entity: m.entity, from, to, kind: "illegal" });
      }
    });

    it(`${m.entity}: a final state has no way out, and every move stays among the machine's states`, () => {
      const states = new Set(Object.keys(m.moves));
      for (const [from, to] of pairs(m)) if (isFinal(m, from)) expect(canMove(m, from, to)).toBe(false);
      for (const targets of Object.values(m.moves)) for (const to of targets) expect(states.has(to)).toBe(true);
    });
  }
});
