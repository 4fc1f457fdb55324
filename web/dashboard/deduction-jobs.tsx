import type { DashboardDeductionJob } from "../../contracts/linnet/dashboard.js";
import { formatDateTime, humanize } from "../ui/format.js";

/** What each write-then-verify state means to a developer. */
const VERIFICATION_WORDS: Record<string, string> = {
  pending: "Waiting for the next payroll",
  verified: "Seen in payroll",
  not_yet_visible: "Not in payroll yet",
  mismatch: "Payroll shows another amount",
};

/** The connection's deduction writes: how they run, their status, and whether the next payroll shows them. */
export function DeductionJobs({ jobs }: { jobs: DashboardDeductionJob[] }) {
  if (jobs.length === 0) return <p className="muted">No deduction writes yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="deduction-jobs">
        <thead>
          <tr>
            <th scope="col">Write</th>
            <th scope="col">Carried out by</th>
            <th scope="col">Requested</th>
            <th scope="col">Status</th>
            <th scope="col">Verification</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.job_id} data-testid={`deduction-job-${job.job_id}`}>
              <td>
                {humanize(job.type)}
                <div className="small muted">
                  <code>{job.job_id}</code>
                </div>
              </td>
              <td>{job.mode === "assisted" ? "Operations team (manual job)" : "Provider (automated)"}</td>
              <td>{formatDateTime(job.created_at)}</td>
              <td>{humanize(job.status)}</td>
              <td data-testid={`deduction-verification-${job.job_id}`} data-state={job.verification?.state ?? "none"}>
                {job.verification ? (VERIFICATION_WORDS[job.verification.state] ?? humanize(job.verification.state)) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
