import { useEffect, useRef } from "react";
import { Link } from "../../console/link.js";
import { Button } from "../../ui/button.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { countdownText, formatDateTime, humanize, statusWords } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import type { ManualJob } from "../ops-types.js";
import { paths } from "../routes.js";
import { CompletionForm } from "./completion-form.js";
import { startManualJob } from "./manual-jobs-api.js";
import { RequestView } from "./request-view.js";
import { VerificationView } from "./verification-view.js";

/** Props of {@link ManualJobDetail}. */
export interface ManualJobDetailProps {
  job: ManualJob;
  now: number;
  /** Receives the job after Start or completion. */
  onChange: (job: ManualJob) => void;
}

/** One manual job: exactly what to enter in the employer's system, "Start", and the outcome form. */
export function ManualJobDetail({ job, now, onChange }: ManualJobDetailProps) {
  const start = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a job from the list moves keyboard and screen-reader users to it.
  useEffect(() => heading.current?.focus(), []);
  const open = job.status === "pending" || job.status === "in_progress";
  const left = new Date(job.due_at).getTime() - now;

  return (
    <Card testId="job-detail">
      <div className="detail-head">
        <h2 className="subheading" ref={heading} tabIndex={-1}>
          {humanize(job.type)} for {job.customer_name ?? "an unnamed employer"}
        </h2>
        <span className={`badge badge-job-${job.status}`} data-testid="job-status">
          {statusWords(job.status)}
        </span>
      </div>
      <p className="small muted">
        {job.provider.display_name} · <Link href={paths.connection(job.connection_id)}>connection</Link> · job <code>{job.job_id}</code>
      </p>
      <p className="small">
        Due {formatDateTime(job.due_at)}
        {open && <span className={left < 0 ? "countdown countdown-overdue" : "countdown"}> ({countdownText(left)})</span>}
        {job.assignee && <span className="muted"> · {job.assignee.email}</span>}
      </p>
      <h3 className="section-title">What to enter in {job.provider.display_name}</h3>
      <RequestView request={job.request} />
      {job.status === "pending" && (
        <>
          <ErrorBanner message={start.error} testId="job-start-error" />
          <Button
            onClick={async () => {
              const started = await start.run(() => startManualJob(job.job_id));
              if (started) onChange(started);
            }}
            disabled={start.busy}
            data-testid="job-start"
          >
            {start.busy ? "Starting…" : "Start"}
          </Button>
          <p className="small muted">Start the job to record its outcome once the changes are entered.</p>
        </>
      )}
      {job.status === "in_progress" && <CompletionForm key={job.job_id} job={job} onCompleted={onChange} />}
      {!open && job.body && (
        <>
          <h3 className="section-title">Recorded outcome</h3>
          <RequestView request={{ results: job.body }} />
        </>
      )}
      {job.verification && <VerificationView verification={job.verification} />}
    </Card>
  );
}
