import { Fragment, useState } from "react";
import { countWords, formatDateTime } from "../../ui/format.js";
import { GROUP_LABELS } from "../labels.js";
import type { SnapshotSummary } from "../ops-types.js";
import { DiffSummary } from "../uploads/diff-summary.js";

/** Props of {@link SnapshotHistory}. */
export interface SnapshotHistoryProps {
  snapshots: SnapshotSummary[];
}

/** "120 people · 3 payments" from a snapshot's counts. */
function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([key, n]) => countWords(key, n));
  return parts.length > 0 ? parts.join(" · ") : "—";
}

/** Published snapshots, newest first; each row expands to the diff stored when it was published. */
export function SnapshotHistory({ snapshots }: SnapshotHistoryProps) {
  const [open, setOpen] = useState<string | null>(null);
  if (snapshots.length === 0) return <p className="muted">No data has been published yet.</p>;
  const rows = [...snapshots].sort((a, b) => b.published_at.localeCompare(a.published_at));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="snapshots">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Data</th>
            <th scope="col">Source</th>
            <th scope="col">Pulled at</th>
            <th scope="col">Counts</th>
            <th scope="col">
              <span className="visually-hidden">Diff</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const expanded = open === s.id;
            const detailsId = `snapshot-diff-${s.id}`;
            return (
              <Fragment key={s.id}>
                <tr data-testid={`snapshot-${s.id}`}>
                  <td>
                    v{s.version}
                    {s.current && <span className="badge badge-current">Current</span>}
                  </td>
                  <td>{GROUP_LABELS[s.group]}</td>
                  <td>{s.source_name}</td>
                  <td className="nowrap">
                    {formatDateTime(s.retrieved_at)}
                    <span className="cell-sub">published {formatDateTime(s.published_at)}</span>
                  </td>
                  <td>{countsText(s.counts)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn-link expand-button"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => setOpen(expanded ? null : s.id)}
                      data-testid={`snapshot-toggle-${s.id}`}
                    >
                      {expanded ? "Hide changes" : "Show changes"}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={detailsId} className="row-details">
                    <td colSpan={6}>
                      {s.diff === null ? (
                        <p className="muted">No diff was stored for this snapshot (it was not published from an upload).</p>
                      ) : (
                        <DiffSummary diff={s.diff} testId={`snapshot-diff-${s.id}`} />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
