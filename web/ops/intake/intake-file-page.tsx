import type { ReactNode } from "react";
import { Link } from "../../console/link.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatBytes, formatDateTime } from "../../ui/format.js";
import { usePageTitle } from "../../ui/page-title.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { paths } from "../routes.js";
import { DiffSummary } from "../uploads/diff-summary.js";
import { getIntakeFile, groupWords } from "./intake-api.js";
import { IntakeDecision } from "./intake-decision.js";
import { FileStatusPill, fileReason } from "./intake-file-table.js";
import { IntakeVerdict } from "./intake-verdict.js";

/** One term of the facts list. */
function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** One delivered file at `/ops/intake/files/:id`: facts, the gate's verdict line by line, the diff, and the decision on a held file. */
export function IntakeFilePage({ id }: { id: string }) {
  const file = useLoad(id, getIntakeFile);
  const f = file.data;
  usePageTitle(f ? `${f.file_name} · Intake` : "Intake file");
  if (f === null) return file.error === null ? <Spinner label="Loading the file…" /> : <ErrorBanner message={file.error} />;

  return (
    <>
      <div className="page-title">
        <StepHeading testId="intake-file-title">{f.file_name}</StepHeading>
        <FileStatusPill status={f.status} />
        <Link href={paths.intake} data-testid="back-to-intake">
          ← All delivered files
        </Link>
      </div>
      <ErrorBanner message={file.error} />
      <Card testId="intake-file-facts">
        <dl className="facts ops-facts">
          <Fact term="Employer">
            <Link href={paths.connection(f.connection_id)}>{f.customer_name ?? "Unnamed employer"}</Link>
          </Fact>
          <Fact term="Report">{groupWords(f.group)}</Fact>
          <Fact term="Received">
            {formatDateTime(f.received_at)} by {f.channel === "sftp" ? "SFTP" : "the files API"} · {formatBytes(f.size_bytes)}
          </Fact>
          <Fact term="Processed">{formatDateTime(f.processed_at)}</Fact>
          <Fact term="Outcome" testId="intake-file-reason">
            {fileReason(f) || "—"}
          </Fact>
        </dl>
      </Card>
      {f.status === "held" && (
        <Card testId="intake-file-actions">
          <h2 className="section-title">Decide</h2>
          <IntakeDecision fileId={f.id} onDecided={() => void file.reload()} />
        </Card>
      )}
      <Card testId="intake-file-verdict">
        <h2 className="section-title">Quality gate</h2>
        <IntakeVerdict verdict={f.verdict} />
      </Card>
      <Card testId="intake-file-diff">
        <h2 className="section-title">Changes against the data served now</h2>
        <DiffSummary diff={f.diff} testId="intake-diff" />
      </Card>
    </>
  );
}
