import { navigate } from "../../console/navigation.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatCount } from "../../ui/format.js";
import { usePageTitle } from "../../ui/page-title.js";
import { SelectField } from "../../ui/select-field.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { paths } from "../routes.js";
import { FILE_STATUS_WORDS, type FileStatus, listIntakeFiles, listIntakeSources } from "./intake-api.js";
import { IntakeFileTable } from "./intake-file-table.js";
import { IntakeSourceTable } from "./intake-source-table.js";

const STATUSES = Object.keys(FILE_STATUS_WORDS) as FileStatus[];
const STATUS_OPTIONS = [{ value: "", label: "Every file" }, ...STATUSES.map((s) => ({ value: s, label: FILE_STATUS_WORDS[s] }))];
const STAT_TONE: Partial<Record<FileStatus, string>> = { published: "ok", held: "warn", rejected: "bad" };

/** The status filter from the query string (`?status=held`); unknown values mean every file. */
function statusOf(search: string): string {
  const s = new URLSearchParams(search).get("status") ?? "";
  return (STATUSES as string[]).includes(s) ? s : "";
}

/**
 * The Intake view at `/ops/intake`: counts of delivered files by status, the files (filterable by status) with why each
 * was held or rejected, and every connection's source health.
 */
export function IntakePage({ search }: { search: string }) {
  usePageTitle("Intake");
  const status = statusOf(search);
  const files = useLoad(status, listIntakeFiles);
  const sources = useLoad("sources", listIntakeSources);
  const counts = sources.data?.counts;

  return (
    <>
      <StepHeading>Scheduled-report intake</StepHeading>
      <p className="muted">
        Files that payroll systems deliver to the SFTP inboxes or the files API, what the quality gate decided, and when each source sends
        next.
      </p>
      {counts && (
        <section className="summary" aria-label="Files by status" data-testid="intake-counts">
          <div className="summary-stats">
            {STATUSES.filter((s) => s !== "duplicate" || counts.duplicate > 0).map((s) => (
              <div key={s} className={STAT_TONE[s] ? `stat stat-${STAT_TONE[s]}` : "stat"} data-testid={`intake-count-${s}`}>
                <span className="stat-value">{formatCount(counts[s])}</span>
                <span className="stat-label">{FILE_STATUS_WORDS[s]}</span>
              </div>
            ))}
          </div>
        </section>
      )}
      <h2 className="section-title intake-section-title">Files</h2>
      <Card className="card-flush" testId="intake-files-card">
        <div className="filters">
          <SelectField
            label="Status"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(s) => navigate(`${paths.intake}${s ? `?status=${s}` : ""}`, { replace: true })}
            testId="intake-status"
          />
        </div>
        <ErrorBanner message={files.error} />
        {files.data === null ? (
          files.error === null && <Spinner label="Loading files…" />
        ) : files.data.files.length === 0 ? (
          <p className="empty" data-testid="intake-files-empty">
            {status ? `No files ${FILE_STATUS_WORDS[status as FileStatus].toLowerCase()}.` : "No files delivered yet."}
          </p>
        ) : (
          <IntakeFileTable files={files.data.files} />
        )}
      </Card>
      <h2 className="section-title intake-section-title">Sources</h2>
      <Card className="card-flush" testId="intake-sources-card">
        <ErrorBanner message={sources.error} />
        {sources.data === null ? (
          sources.error === null && <Spinner label="Loading sources…" />
        ) : sources.data.sources.length === 0 ? (
          <p className="empty">No inboxes yet. Open one from a connection's page, or let the employer do it from their status page.</p>
        ) : (
          <IntakeSourceTable sources={sources.data.sources} />
        )}
      </Card>
    </>
  );
}
