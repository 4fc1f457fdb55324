import { formatScalar, humanize } from "../../ui/format.js";

/** Props of {@link RequestView}. */
export interface RequestViewProps {
  request: Record<string, unknown>;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** A list of records as a table: one column per key any of them has. */
function RecordTable({ rows }: { rows: Plain[] }) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="table-scroll">
      <table className="data-table data-table-compact">
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {humanize(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of the request
            <tr key={index}>
              {keys.map((k) => (
                <td key={k}>
                  <Value value={row[k]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Keys and values as a definition list, nesting as deep as the value does. */
function KeyValues({ record, testId }: { record: Plain; testId?: string }) {
  const entries = Object.entries(record);
  if (entries.length === 0) return <span className="muted">(empty)</span>;
  return (
    <dl className="kv" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className={isPlain(value) || Array.isArray(value) ? "kv-block" : undefined}>
          <dt>{humanize(key)}</dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Any JSON value, readably: text for scalars, lists, tables for lists of records, nested lists for records. */
function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "string" || typeof value === "number") return <span className="kv-value">{formatScalar(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">(none)</span>;
    if (value.every(isPlain)) return <RecordTable rows={value} />;
    return (
      <ul className="kv-list">
        {value.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of the request
          <li key={index}>
            <Value value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (isPlain(value)) return <KeyValues record={value} />;
  return <>{String(value)}</>;
}

/** What the operator must enter in the employer's system, from a manual job's `request`. */
export function RequestView({ request }: RequestViewProps) {
  return <KeyValues record={request} testId="job-request" />;
}
