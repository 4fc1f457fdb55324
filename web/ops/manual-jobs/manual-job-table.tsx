import { Link } from "../../console/link.js";
import { countdownText, formatDateTime, humanize, statusWords } from "../../ui/format.js";
import type { ManualJob } from "../ops-types.js";
import { paths } from "../routes.js";

/** Props of {@link ManualJobTable}. */
export interface ManualJobTableProps {
  jobs: ManualJob[];
  selectedId: string | null;
  now: number;
}

/** Manual jobs as a table: type (linking to the job), customer, provider, due, status, assignee. */
export function ManualJobTable({ jobs, selectedId, now }: ManualJobTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="manual-jobs">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Customer</th>
            <th scope="col">Provider</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const open = job.status === "pending" || job.status === "in_progress";
            const left = new Date(job.due_at).getTime() - now;
            const classes = [job.job_id === selectedId ? "row-selected" : "", open && left < 0 ? "row-overdue" : ""].filter(Boolean);
            return (
              <tr key={job.job_id} className={classes.join(" ") || undefined} data-testid={`job-row-${job.job_id}`}>
                <td>
                  <Link
                    href={paths.manualJob(job.job_id)}
                    aria-current={job.job_id === selectedId ? "true" : undefined}
                    data-testid={`job-link-${job.job_id}`}
                  >
                    {humanize(job.type)}
                  </Link>
                </td>
                <td>
                  <Link href={paths.connection(job.connection_id)}>{job.customer_name ?? "Unnamed employer"}</Link>
                </td>
                <td>{job.provider.display_name}</td>
                <td>
                  <span className="due">
                    <span className="due-date">{formatDateTime(job.due_at)}</span>
                    {open && <span className={left < 0 ? "countdown countdown-overdue" : "countdown"}>{countdownText(left)}</span>}
                  </span>
                </td>
                <td>{statusWords(job.status)}</td>
                <td>{job.assignee?.email ?? <span className="muted">Unassigned</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
