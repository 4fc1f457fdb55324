import { formatCount } from "../../ui/format.js";
import { changedFields, diffSections, entryText } from "./diff-entries.js";

/** Props of {@link DiffSummary}. */
export interface DiffSummaryProps {
  diff: Record<string, unknown> | null;
  /** Entries listed per section (the rest are counted). */
  limit?: number;
  testId?: string;
}

/** What publishing changes (or changed): hires, terminations, removed, changed fields, new payments. */
export function DiffSummary({ diff, limit = 5, testId = "diff" }: DiffSummaryProps) {
  if (diff === null) return <p className="muted">No diff: there is nothing to compare with.</p>;
  const sections = diffSections(diff);
  if (sections.length === 0) return <p className="muted">No differences from the current data.</p>;
  return (
    <div className="diff" data-testid={testId}>
      <ul className="diff-counts">
        {sections.map((s) => (
          <li key={s.key} className={`diff-count diff-${s.key}`} data-testid={`${testId}-${s.key}`}>
            <span className="stat-value">{formatCount(s.count)}</span>
            <span className="stat-label">{s.label}</span>
          </li>
        ))}
      </ul>
      {sections
        .filter((s) => s.entries.length > 0)
        .map((s) => (
          <details key={s.key} className="diff-section" open={s.key !== "changed" || s.entries.length <= limit}>
            <summary>
              {s.label} ({s.count})
            </summary>
            <ul className="diff-entries">
              {s.entries.slice(0, limit).map((entry, index) => {
                const fields = changedFields(entry);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only excerpt, never reordered
                  <li key={index}>
                    {entryText(entry)}
                    {fields.length > 0 && <span className="diff-fields"> — {fields.join("; ")}</span>}
                  </li>
                );
              })}
              {s.count > limit && <li className="muted">…and {formatCount(s.count - limit)} more</li>}
            </ul>
          </details>
        ))}
    </div>
  );
}
