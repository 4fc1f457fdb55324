import { useState } from "react";
import { ORG_PRODUCTS, PAY_PRODUCTS } from "../../../contracts/finch/product-words.js";
import { ActivityTimeline } from "../../console/activity-timeline.js";
import { useNow } from "../../console/use-now.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { usePageTitle } from "../../ui/page-title.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { InboxCard } from "../intake/inbox-card.js";
import type { Group, UploadView } from "../ops-types.js";
import { TaskTable } from "../queue/task-table.js";
import { UploadList } from "../uploads/upload-list.js";
import { UploadPanel } from "../uploads/upload-panel.js";
import { UploadWorkspace } from "../uploads/upload-workspace.js";
import { getConnection } from "./connection-api.js";
import { ConnectionFacts, ConnectionInstructions } from "./connection-facts.js";
import { ConnectionPill } from "./connection-pill.js";
import { PullFailure } from "./pull-failure.js";
import { PullSourcePanel } from "./pull-source-panel.js";
import { SnapshotHistory } from "./snapshot-history.js";
import { StatusMoves } from "./status-moves.js";

/** Props of {@link ConnectionPage}. */
export interface ConnectionPageProps {
  id: string;
}

const GROUPS: { group: Group; products: readonly string[] }[] = [
  { group: "org", products: ORG_PRODUCTS },
  { group: "pay", products: PAY_PRODUCTS },
];

/** One connection at `/ops/connections/:id`: who, status and its moves, tasks, uploads, snapshots and activity. */
export function ConnectionPage({ id }: ConnectionPageProps) {
  const connection = useLoad(id, getConnection);
  const [upload, setUpload] = useState<UploadView | null>(null);
  const now = useNow();
  const c = connection.data;
  usePageTitle(c ? `${c.customer_name ?? "Unnamed employer"} · Connection` : "Connection");

  if (c === null) {
    return connection.error === null ? <Spinner label="Loading connection…" /> : <ErrorBanner message={connection.error} />;
  }
  const refresh = () => void connection.reload();

  return (
    <>
      <div className="page-title">
        <StepHeading testId="connection-title">{c.customer_name ?? "Unnamed employer"}</StepHeading>
        <span className="muted">
          {c.provider.display_name} · {c.application.name}
        </span>
      </div>
      <ErrorBanner message={connection.error} />
      <div className="ops-grid">
        <Card>
          <h2 className="section-title">Employer</h2>
          <ConnectionFacts connection={c} />
        </Card>
        <Card testId="status-card">
          <h2 className="section-title">Status</h2>
          <ConnectionPill status={c.status} label={c.status_label} />
          {c.status_message && <p data-testid="status-message">{c.status_message}</p>}
          <StatusMoves connection={c} onChange={connection.setData} />
          <hr className="divider" />
          <h2 className="section-title">Last pulls</h2>
          <PullFailure connection={c} onChange={connection.setData} />
          <hr className="divider" />
          <h2 className="section-title">Admin access</h2>
          <ConnectionInstructions connection={c} />
        </Card>
      </div>
      <Card testId="connection-tasks">
        <h2 className="section-title">Tasks</h2>
        {c.tasks.length === 0 ? (
          <p className="muted">No tasks.</p>
        ) : (
          <TaskTable tasks={c.tasks} loadedAt={connection.loadedAt} now={now} showConnection={false} onChanged={refresh} />
        )}
      </Card>
      <Card testId="connection-uploads">
        <h2 className="section-title">Upload data</h2>
        <div className="upload-panels">
          {GROUPS.map(({ group, products }) => (
            <UploadPanel
              key={group}
              connectionId={c.id}
              group={group}
              requested={c.products.some((p) => products.includes(p))}
              onUploaded={(u) => {
                setUpload(u);
                refresh();
              }}
            />
          ))}
        </div>
        {upload && (
          <UploadWorkspace
            key={upload.id}
            upload={upload}
            providerId={c.provider.id}
            onChange={setUpload}
            onPublished={refresh}
            onDiscarded={() => {
              setUpload(null);
              refresh();
            }}
          />
        )}
        <h3 className="subheading">Previous uploads</h3>
        <UploadList uploads={c.uploads} />
      </Card>
      <Card testId="connection-intake">
        <h2 className="section-title">Scheduled reports (SFTP inbox)</h2>
        <InboxCard connectionId={c.id} disconnected={c.status === "disconnected"} />
      </Card>
      <Card testId="connection-pull-source">
        <h2 className="section-title">Pull source (remote SFTP)</h2>
        <PullSourcePanel connectionId={c.id} />
      </Card>
      <Card testId="connection-snapshots">
        <h2 className="section-title">Snapshot history</h2>
        <SnapshotHistory snapshots={c.snapshots} />
      </Card>
      <Card testId="connection-activity">
        <h2 className="section-title">Activity</h2>
        <ActivityTimeline activity={c.activity} />
      </Card>
    </>
  );
}
