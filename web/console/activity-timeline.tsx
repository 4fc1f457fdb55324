import { formatDateTime, formatInlineTimestamps, humanize, statusWords } from "../ui/format.js";
import type { Activity } from "./console-types.js";

/** Props of {@link ActivityTimeline}. */
export interface ActivityTimelineProps {
  activity: Activity[];
}

/** The connection's activity log, newest first. */
export function ActivityTimeline({ activity }: ActivityTimelineProps) {
  if (activity.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  const entries = [...activity].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline" data-testid="activity">
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and two may share a timestamp
        <li key={`${entry.at}-${index}`} className="timeline-entry">
          <div className="timeline-head">
            <strong>{humanize(entry.kind)}</strong>
            {entry.from_status !== null && entry.to_status !== null && (
              <span className="small">
                {statusWords(entry.from_status)} → {statusWords(entry.to_status)}
              </span>
            )}
          </div>
          {entry.message && <p className="timeline-message">{formatInlineTimestamps(entry.message)}</p>}
          <p className="small muted">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.actor_name}
          </p>
        </li>
      ))}
    </ol>
  );
}
