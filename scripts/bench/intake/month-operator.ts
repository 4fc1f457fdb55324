/**
 * The operations team of the simulated month: each business day at 10:00 it works what the product put in front of
 * it, and every piece of work is counted as an operator action.
 *   - a file held for review: a real defect is rejected and the employer asked for a corrected file (it arrives the
 *     next day); a clean file held (a false alarm of the gate) is published anyway; a file paused behind one that is
 *     no longer held is re-run;
 *   - a file the gate rejected (unreadable): the employer is asked to send it again (it arrives the next day);
 *   - a late file: the employer is reminded (the file arrives when it arrives).
 */

import { decideFile } from "../../../server/commands/decide-intake-file.js";
import { listIntakeFiles } from "../../../server/db/repositories/intake.repository.js";
import type { Deps } from "../../../server/domain/deps.js";
import type { Delivery } from "./month-plan.js";

/** What the operators did, by kind of work. */
export interface OperatorTally {
  defectsRejected: number;
  falseHoldsPublished: number;
  pausedRerun: number;
  rejectedFollowUps: number;
  lateReminders: number;
}

/** The operators' working state: files seen, re-sends asked for. */
export class Operators {
  readonly tally: OperatorTally = { defectsRejected: 0, falseHoldsPublished: 0, pausedRerun: 0, rejectedFollowUps: 0, lateReminders: 0 };
  /** Files whose rejection by the gate was already followed up. */
  private readonly followedUp = new Set<string>();

  constructor(
    private readonly deps: Deps,
    private readonly operatorId: string,
    /** The delivery each stored file came from. */
    private readonly delivered: Map<string, Delivery>,
    /** Ask the employer for a corrected copy of a delivery (arrives the next day). */
    private readonly askResend: (d: Delivery) => void,
  ) {}

  /** The sum of every kind of work. */
  total(): number {
    return Object.values(this.tally).reduce((a, b) => a + b, 0);
  }

  /** A reminder for a late file. */
  remindLate(): void {
    this.tally.lateReminders++;
  }

  /** One business morning's work; returns how many decisions were made (each may queue files to process). */
  async workQueue(): Promise<number> {
    let decisions = 0;
    const held = await listIntakeFiles(this.deps.db, { status: "held", limit: 10_000 });
    const heldConnections = new Set(held.filter((f) => f.verdict?.[0]?.check !== "paused").map((f) => f.connectionId));
    for (const f of held.reverse()) {
      const delivery = this.delivered.get(f.id);
      const paused = f.verdict?.[0]?.check === "paused";
      if (paused) {
        if (heldConnections.has(f.connectionId)) continue; // resumes by itself once the earlier file is decided
        await this.decide(f.id, { action: "rerun" });
        this.tally.pausedRerun++;
      } else if (delivery?.defect) {
        await this.decide(f.id, {
          action: "reject",
          reason: `Defective report (${delivery.defect}); asked the employer to send a corrected one`,
        });
        this.tally.defectsRejected++;
        this.askResend(delivery);
      } else {
        await this.decide(f.id, { action: "publish", reason: "Checked with the employer: the change is real" });
        this.tally.falseHoldsPublished++;
      }
      decisions++;
    }
    for (const f of await listIntakeFiles(this.deps.db, { status: "rejected", limit: 10_000 })) {
      if (this.followedUp.has(f.id) || f.decidedBy !== null) continue;
      this.followedUp.add(f.id);
      this.tally.rejectedFollowUps++;
      const delivery = this.delivered.get(f.id);
      if (delivery) this.askResend(delivery);
    }
    return decisions;
  }

  private async decide(fileId: string, decision: Parameters<typeof decideFile>[3]): Promise<void> {
    const result = await decideFile(this.deps, this.operatorId, fileId, decision);
    if (!result.ok) throw new Error(`operator decision ${decision.action} on ${fileId}: ${result.error.message}`);
  }
}
