import type { ConsoleUser } from "../../console/console-types.js";
import { Button } from "../../ui/button.js";
import type { Task } from "../ops-types.js";
import { claimTask, releaseTask } from "./tasks-api.js";

/** Props of {@link TaskActions}. */
export interface TaskActionsProps {
  task: Task;
  me: ConsoleUser;
  /** A mutation of this table is in flight. */
  busy: boolean;
  /** Runs a mutation through the table's shared busy/error state. */
  run: (call: () => Promise<Task>) => void;
}

const isActive = (task: Task) => task.status === "open" || task.status === "in_progress";

/** Whether the signed-in user may take the task. */
export function canClaim(task: Task, me: ConsoleUser): boolean {
  return isActive(task) && task.assignee?.id !== me.id && (task.assignee === null || me.role === "admin");
}

/** Whether the signed-in user may give the task back (their own, or anyone's for an admin). */
export function canRelease(task: Task, me: ConsoleUser): boolean {
  return isActive(task) && task.assignee !== null && (task.assignee.id === me.id || me.role === "admin");
}

/** Claim / Release buttons of one task row. */
export function TaskActions({ task, me, busy, run }: TaskActionsProps) {
  const claim = canClaim(task, me);
  const release = canRelease(task, me);
  if (!claim && !release) return <span className="muted">—</span>;
  return (
    <div className="row-actions">
      {claim && (
        <Button
          variant="secondary"
          className="btn-small"
          disabled={busy}
          onClick={() => run(() => claimTask(task.id))}
          aria-label={`Claim ${task.customer_name ?? "task"}`}
          data-testid={`claim-${task.id}`}
        >
          Claim
        </Button>
      )}
      {release && (
        <Button
          variant="secondary"
          className="btn-small"
          disabled={busy}
          onClick={() => run(() => releaseTask(task.id))}
          aria-label={`Release ${task.customer_name ?? "task"}`}
          data-testid={`release-${task.id}`}
        >
          Release
        </Button>
      )}
    </div>
  );
}
