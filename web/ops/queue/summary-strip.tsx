import { Link } from "../../console/link.js";
import { formatCount, statusWords } from "../../ui/format.js";
import type { TaskSummary } from "../ops-types.js";
import { paths } from "../routes.js";
import { SlaChart } from "./sla-chart.js";

/** Props of {@link SummaryStrip}. */
export interface SummaryStripProps {
  summary: TaskSummary;
}

/** One labelled number. */
function Stat({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: string }) {
  return (
    <div className={tone ? `stat stat-${tone}` : "stat"} data-testid={testId}>
      <span className="stat-value">{formatCount(value)}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}

/** The dashboard strip above the queue: tasks by status and SLA health (with a chart), and what else needs doing. */
export function SummaryStrip({ summary }: SummaryStripProps) {
  const connections = Object.entries(summary.connections_by_status).filter(([, n]) => n > 0);
  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <div className="summary-stats">
        <Stat label="Open" value={summary.by_status["open"] ?? 0} testId="summary-open" />
        <Stat label="In progress" value={summary.by_status["in_progress"] ?? 0} testId="summary-in-progress" />
        <Stat label="On track" value={summary.by_sla.on_track} testId="summary-on-track" tone="ok" />
        <Stat label="Due soon" value={summary.by_sla.due_soon} testId="summary-due-soon" tone="warn" />
        <Stat label="Overdue" value={summary.by_sla.overdue} testId="summary-overdue" tone="bad" />
        <Stat label="Due this week" value={summary.due_this_week} testId="summary-due-this-week" />
        <Stat label="Follow-ups" value={summary.follow_ups} testId="summary-follow-ups" />
        <div className="stat" data-testid="summary-manual-jobs">
          <span className="stat-value">{formatCount(summary.manual_jobs_open)}</span>
          <Link className="stat-label" href={paths.manualJobs}>
            Open manual jobs
          </Link>
        </div>
      </div>
      <div className="summary-chart">
        <h2 className="section-title">SLA health</h2>
        <SlaChart sla={summary.by_sla} />
      </div>
      {connections.length > 0 && (
        <p className="summary-connections small muted">
          Connections: {connections.map(([status, n]) => `${n} ${statusWords(status).toLowerCase()}`).join(" · ")}
        </p>
      )}
    </section>
  );
}
