import { formatDateTime, formatMoney, humanize } from "../../ui/format.js";
import type { ManualJob } from "../ops-types.js";

/** Props of {@link VerificationView}. */
export interface VerificationViewProps {
  verification: NonNullable<ManualJob["verification"]>;
}

const WORDS: Record<string, string> = {
  pending: "Waiting for the next pay data",
  verified: "Verified in pay data",
  not_yet_visible: "Not yet visible in pay data",
  mismatch: "Mismatch in pay data",
};

/** Write-then-verify of a deduction job: whether the next payroll shows what was entered, per individual. */
export function VerificationView({ verification: v }: VerificationViewProps) {
  return (
    <section data-testid="job-verification">
      <h3 className="section-title">Verification</h3>
      <p className="small">
        <span className={`badge badge-verification-${v.state}`} data-testid="job-verification-state" data-state={v.state}>
          {WORDS[v.state] ?? humanize(v.state)}
        </span>
        {v.checked_at && <span className="muted"> · checked {formatDateTime(v.checked_at)}</span>}
      </p>
      {v.details.length > 0 && (
        <div className="table-scroll">
          <table className="data-table data-table-compact">
            <thead>
              <tr>
                <th scope="col">Individual</th>
                <th scope="col">Result</th>
                <th scope="col">Written</th>
                <th scope="col">In pay data</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {v.details.map((d) => (
                <tr key={d.individual_id}>
                  <td>
                    <code>{d.individual_id}</code>
                  </td>
                  <td>{humanize(d.state)}</td>
                  <td>{formatMoney(d.expected)}</td>
                  <td>{formatMoney(d.found)}</td>
                  <td>{d.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
