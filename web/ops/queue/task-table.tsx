import { Link } from "../../console/link.js";
import { useCurrentUser } from "../../console/session-context.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { statusWords } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import { GROUP_LABELS, KIND_LABELS } from "../labels.js";
import type { Task } from "../ops-types.js";
import { paths } from "../routes.js";
import { remainingMs, SlaCountdown } from "./sla-countdown.js";
import { TaskActions } from "./task-actions.js";

/** Props of {@link TaskTable}. */
export interface TaskTableProps {
  tasks: Task[];
  /** When the tasks were fetched; countdowns run from there. */
  loadedAt: number;
  now: number;
  /** The queue shows customer and provider; the connection page already says them. */
  showConnection?: boolean;
  /** Called with the updated task after a claim or release. */
  onChanged: (task: Task) => void;
}

const closed = (task: Task) => task.status === "done" || task.status === "cancelled";

/** Tasks as a table with live SLA countdowns, overdue rows highlighted, and Claim / Release per row. */
export function TaskTable({ tasks, loadedAt, now, showConnection = true, onChanged }: TaskTableProps) {
  const me = useCurrentUser();
  const action = useAction();
  const run = async (call: () => Promise<Task>) => {
    const task = await action.run(call);
    if (task) onChanged(task);
  };

  return (
    <>
      <ErrorBanner message={action.error} testId="task-error" />
      <div className="table-scroll">
        <table className="data-table" data-testid="task-table">
          <thead>
            <tr>
              {showConnection && <th scope="col">Customer</th>}
              {showConnection && <th scope="col">Provider</th>}
              <th scope="col">Data</th>
              {showConnection && <th scope="col">Connection</th>}
              <th scope="col">Assignee</th>
              <th scope="col">Due</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const overdue = !closed(task) && remainingMs(task.due_in_ms, loadedAt, now) < 0;
              return (
                <tr key={task.id} className={overdue ? "row-overdue" : undefined} data-testid={`task-row-${task.id}`}>
                  {showConnection && (
                    <td>
                      <Link href={paths.connection(task.connection_id)} data-testid={`task-link-${task.id}`}>
                        {task.customer_name ?? "Unnamed employer"}
                      </Link>
                      <span className="cell-sub">{task.application_name}</span>
                    </td>
                  )}
                  {showConnection && <td>{task.provider.display_name}</td>}
                  <td>
                    <span className={`badge badge-${task.group}`}>{GROUP_LABELS[task.group]}</span>
                    <span className="cell-sub">{KIND_LABELS[task.kind] ?? task.kind}</span>
                  </td>
                  {showConnection && <td>{statusWords(task.connection_status)}</td>}
                  <td>
                    {task.assignee ? task.assignee.email : <span className="muted">Unassigned</span>}
                    <span className="cell-sub">{statusWords(task.status)}</span>
                  </td>
                  <td>
                    {overdue && <span className="badge badge-overdue">Overdue</span>}
                    <SlaCountdown dueAt={task.due_at} dueInMs={task.due_in_ms} loadedAt={loadedAt} now={now} closed={closed(task)} />
                  </td>
                  <td>
                    <TaskActions task={task} me={me} busy={action.busy} run={run} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
