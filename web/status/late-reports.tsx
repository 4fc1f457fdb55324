import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { formatDate } from "../ui/format.js";

const REPORT_TITLES: Record<EmployerStatus["late_reports"][number]["report_kind"], string> = {
  census: "employee census",
  payroll: "payroll register",
};

/** Props of {@link LateReports}. */
export interface LateReportsProps {
  late: EmployerStatus["late_reports"];
}

/** Which scheduled reports have not arrived when expected (nothing renders when all are on time). */
export function LateReports({ late }: LateReportsProps) {
  if (late.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="late-reports">
      <strong>A scheduled report is late.</strong>
      <ul>
        {late.map((item) => (
          <li key={item.report_kind} data-testid={`late-${item.report_kind}`}>
            The {REPORT_TITLES[item.report_kind]} was expected {formatDate(item.expected_at)} and has not arrived. Check that the report is
            still scheduled in your payroll system; our team has been told and may contact you.
          </li>
        ))}
      </ul>
    </div>
  );
}
