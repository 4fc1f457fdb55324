import { count, countWords, humanize } from "../../ui/format.js";
import type { Issue, Report } from "../ops-types.js";

/** Props of {@link ValidationReport}. */
export interface ValidationReportProps {
  report: Report;
}

/** Where an issue is: "Row 12 · column “Hire Date” · field start_date". */
function location(issue: Issue): string {
  const parts: string[] = [];
  if (issue.row !== undefined) parts.push(`Row ${issue.row}`);
  if (issue.column !== undefined) parts.push(`column “${issue.column}”`);
  if (issue.field !== undefined) parts.push(`field “${humanize(issue.field)}”`);
  return parts.join(" · ");
}

/** One list of issues of a severity. */
function IssueList({ issues, severity }: { issues: Issue[]; severity: "error" | "warning" }) {
  const plural = severity === "error" ? "errors" : "warnings";
  return (
    <div className={issues.length === 0 ? "issues issues-none" : `issues issues-${severity}`}>
      <h4 className="issues-title">
        {issues.length === 0 ? `No ${plural}` : count(issues.length, severity)}
        {severity === "error" && issues.length > 0 && <span className="small"> — fix these to publish</span>}
      </h4>
      {/* a long list scrolls in its box, so it must be focusable to scroll by keyboard */}
      <ul data-testid={`report-${plural}`} tabIndex={issues.length > 0 ? 0 : undefined} aria-label={plural}>
        {issues.map((issue, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the report is replaced whole, never reordered
          <li key={index} className={`issue issue-${severity}`}>
            {location(issue) && <span className="issue-where">{location(issue)}</span>}
            <span className="issue-message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The validation report: errors (red, blocking), warnings (amber), and the record counts. */
export function ValidationReport({ report }: ValidationReportProps) {
  const counts = Object.entries(report.counts);
  return (
    <div className="report" data-testid="report">
      {counts.length > 0 && (
        <p className="small muted" data-testid="report-counts">
          {counts.map(([key, n]) => countWords(key, n)).join(" · ")}
        </p>
      )}
      <IssueList issues={report.errors} severity="error" />
      <IssueList issues={report.warnings} severity="warning" />
    </div>
  );
}
