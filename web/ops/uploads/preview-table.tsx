import { count } from "../../ui/format.js";
import type { Group, UploadView } from "../ops-types.js";
import { previewColumns } from "./preview-columns.js";

/** Props of {@link PreviewTable}. */
export interface PreviewTableProps {
  group: Group;
  /** The upload's state, so that an empty preview says why. */
  status: UploadView["status"];
  records: Record<string, unknown>[];
  /** Rows in the whole file, for "first 10 of 120". */
  rowCount: number;
}

/** The first normalized records (people or payments) as the mapping reads them. */
export function PreviewTable({ group, status, records, rowCount }: PreviewTableProps) {
  if (records.length === 0) {
    const why =
      status === "needs_mapping"
        ? "Nothing to preview yet: map the required columns and apply the mapping."
        : "No records could be read from this file with this mapping.";
    return (
      <p className="muted" data-testid="preview-empty">
        {why}
      </p>
    );
  }
  const columns = previewColumns(group, records);
  return (
    <>
      <p className="small muted">
        First {count(records.length, group === "pay" ? "payment" : "record")} ({count(rowCount, "row")} in the file)
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label="Preview of the mapped records">
        <table className="data-table data-table-compact" data-testid="preview">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are replaced whole
              <tr key={index}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(record) ?? <span className="muted">—</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
