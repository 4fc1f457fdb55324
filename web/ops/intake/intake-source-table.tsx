import { Link } from "../../console/link.js";
import { formatDate, formatDateTime, statusWords } from "../../ui/format.js";
import { paths } from "../routes.js";
import { groupWords, type IntakeSourceList } from "./intake-api.js";

type Source = IntakeSourceList["sources"][number];

/** How a source logs in, in words. */
function loginWords(s: Source): string {
  if (!s.inbox) return "No inbox";
  const ways = [
    s.inbox.has_password ? "password" : null,
    s.inbox.public_keys.length ? `${s.inbox.public_keys.length} key${s.inbox.public_keys.length === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  return ways.length ? `SFTP, ${ways.join(" and ")}` : "SFTP, no login yet";
}

/** Each connection's source health: last file, next expected (late ones flagged), recipes by report kind. */
export function IntakeSourceTable({ sources }: { sources: Source[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="intake-sources">
        <thead>
          <tr>
            <th scope="col">Employer</th>
            <th scope="col">Inbox</th>
            <th scope="col">Last file</th>
            <th scope="col">Next expected</th>
            <th scope="col">Recipes</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.connection_id} data-testid="intake-source-row">
              <td>
                <Link href={paths.connection(s.connection_id)}>{s.customer_name ?? "Unnamed employer"}</Link>
                <div className="small muted">
                  {s.provider_name} · {statusWords(s.connection_status)}
                </div>
              </td>
              <td className="small">{loginWords(s)}</td>
              <td className="nowrap">{s.last_file_at ? formatDateTime(s.last_file_at) : <span className="muted">None yet</span>}</td>
              <td className="nowrap" data-testid="intake-next">
                {s.next_expected_at ? formatDate(s.next_expected_at) : "—"}
                {s.late && <span className="pill pill-attention intake-late">Late</span>}
                {s.inbox && <div className="small muted">every {s.inbox.cadence_days} days</div>}
              </td>
              <td className="small">
                {s.recipes.length === 0 ? (
                  <span className="muted">None yet: publish a first upload</span>
                ) : (
                  s.recipes.map((r) => (
                    <div key={r.group}>
                      {groupWords(r.group)}: {r.name}
                    </div>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
