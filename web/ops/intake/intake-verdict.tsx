import { humanize } from "../../ui/format.js";
import { CHECK_WORDS, type IntakeFile } from "./intake-api.js";

/** The gate's verdict, one row per check: its threshold, what the file measured, pass or fail, and the finding. */
export function IntakeVerdict({ verdict }: { verdict: IntakeFile["verdict"] }) {
  if (verdict.length === 0) return <p className="muted">Not checked yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="verdict">
        <thead>
          <tr>
            <th scope="col">Result</th>
            <th scope="col">Check</th>
            <th scope="col">Limit</th>
            <th scope="col">Measured</th>
          </tr>
        </thead>
        <tbody>
          {verdict.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the verdict is read-only and never reordered
            <tr key={index} data-testid={`verdict-${line.check}`}>
              <td>
                <span className={`pill ${line.ok ? "pill-connected" : "pill-attention"}`} data-testid="verdict-result">
                  {line.ok ? "Pass" : "Fail"}
                </span>
              </td>
              <td>
                {CHECK_WORDS[line.check] ?? humanize(line.check)}
                <div className="small muted">{line.message}</div>
              </td>
              <td className="small">{line.limit ?? "—"}</td>
              <td className="small">{line.measured ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
