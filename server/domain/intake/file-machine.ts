/** States of a delivered file. */
export type IntakeFileStatus = "received" | "published" | "held" | "rejected" | "duplicate";

/**
 * Legal moves: a received file is published, held for review, rejected (unreadable, or its connection is gone) or
 * recognised as bytes already delivered. A held file is published anyway, rejected, or re-run (back to received,
 * after its recipe was fixed). Published, rejected and duplicate are final.
 */
export const FILE_TRANSITIONS: Record<IntakeFileStatus, readonly IntakeFileStatus[]> = {
  received: ["published", "held", "rejected", "duplicate"],
  held: ["published", "rejected", "received"],
  published: [],
  rejected: [],
  duplicate: [],
};

/** Whether a file may move from `from` to `to`. */
export function canMoveFile(from: IntakeFileStatus, to: IntakeFileStatus): boolean {
  return FILE_TRANSITIONS[from].includes(to);
}
