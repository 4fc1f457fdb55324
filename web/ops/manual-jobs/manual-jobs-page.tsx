import { useState } from "react";
import { useNow } from "../../console/use-now.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { usePageTitle } from "../../ui/page-title.js";
import { SelectField } from "../../ui/select-field.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import type { ManualJob } from "../ops-types.js";
import { ManualJobDetail } from "./manual-job-detail.js";
import { ManualJobTable } from "./manual-job-table.js";
import { listManualJobs } from "./manual-jobs-api.js";

/** Props of {@link ManualJobsPage}. */
export interface ManualJobsPageProps {
  /** The job opened at `/ops/manual-jobs/:id`, if any. */
  jobId: string | null;
}

const STATUS_FILTERS = [
  { value: "open", label: "Open (pending or in progress)" },
  { value: "any", label: "Any status" },
  { value: "pending", label: "Pending" },
  { value: "in_progress", label: "In progress" },
  { value: "complete", label: "Complete" },
  { value: "error", label: "Error" },
];

/** Manual jobs at `/ops/manual-jobs`: assisted benefit writes to carry out by hand, due within 2 business days. */
export function ManualJobsPage({ jobId }: ManualJobsPageProps) {
  const [status, setStatus] = useState("open");
  const jobs = useLoad(status, (s) => listManualJobs(s));
  const [updated, setUpdated] = useState<Record<string, ManualJob>>({});
  const now = useNow();
  usePageTitle("Manual jobs");

  const list = (jobs.data ?? []).map((j) => updated[j.job_id] ?? j);
  const selected = jobId === null ? null : (list.find((j) => j.job_id === jobId) ?? updated[jobId] ?? null);
  const change = (job: ManualJob) => setUpdated((all) => ({ ...all, [job.job_id]: job }));

  return (
    <>
      <StepHeading>Manual jobs</StepHeading>
      {selected && <ManualJobDetail key={selected.job_id} job={selected} now={now} onChange={change} />}
      {jobId !== null && selected === null && jobs.data !== null && (
        <p className="notice">That job is not in this list. Choose “Any status” to see every job.</p>
      )}
      <Card className="card-flush">
        <div className="filters">
          <SelectField label="Status" value={status} options={STATUS_FILTERS} onChange={setStatus} testId="manual-jobs-filter" />
        </div>
        <ErrorBanner message={jobs.error} testId="manual-jobs-error" />
        {jobs.data === null ? (
          jobs.error === null && <Spinner label="Loading manual jobs…" />
        ) : list.length === 0 ? (
          <p className="empty">No manual jobs.</p>
        ) : (
          <ManualJobTable jobs={list} selectedId={jobId} now={now} />
        )}
      </Card>
    </>
  );
}
