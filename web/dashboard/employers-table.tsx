import type { DashboardConnection } from "../../contracts/linnet/dashboard.js";
import { Link } from "../console/link.js";
import { formatDate, formatDateTime } from "../ui/format.js";
import { productLabels } from "../ui/product-words.js";
import { dashboardPaths } from "./dashboard-routes.js";
import { StatusPill } from "./status-pill.js";

/** Props of {@link EmployersTable}. */
export interface EmployersTableProps {
  applicationId: string;
  connections: DashboardConnection[];
}

/** Data retrieved per product, grouped when several share a date ("Company, Directory: Dec 1, 2026"). */
function retrievedSummary(c: DashboardConnection): string {
  const byDate = new Map<string, string[]>();
  for (const r of c.readiness) {
    const key = r.data_retrieved_at ? formatDate(r.data_retrieved_at) : "not yet";
    byDate.set(key, [...(byDate.get(key) ?? []), r.product]);
  }
  if (byDate.size === 0) return "—";
  return [...byDate].map(([date, products]) => `${productLabels(products)}: ${date}`).join(" · ");
}

/** The employers as a table: who, provider and auth type, status, products, data dates. */
export function EmployersTable({ applicationId, connections }: EmployersTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="employers-table">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col">Products · data retrieved</th>
            <th scope="col">Next refresh</th>
            <th scope="col">Expected first data</th>
          </tr>
        </thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.id} data-testid={`employer-row-${c.id}`}>
              <td>
                <Link href={dashboardPaths.connection(applicationId, c.id)} data-testid={`employer-link-${c.id}`}>
                  {c.customer_name ?? "Unnamed employer"}
                </Link>
                <span className="cell-sub">{c.customer_id ?? "—"}</span>
              </td>
              <td>
                {c.provider.display_name}
                <span className="cell-sub">{c.auth_type === "assisted" ? "Assisted" : "Automated"}</span>
              </td>
              <td>
                <StatusPill status={c.status} label={c.status_label} words={c.status_words} testId={`employer-status-${c.id}`} />
              </td>
              <td className="small">{retrievedSummary(c)}</td>
              <td>{formatDate(c.next_refresh_at)}</td>
              <td data-testid={`employer-expected-${c.id}`}>
                {c.expected_first_data_at ? (
                  <time dateTime={c.expected_first_data_at} title={formatDateTime(c.expected_first_data_at)}>
                    {formatDate(c.expected_first_data_at)}
                  </time>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
