import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";

const PILL_CLASSES: Record<EmployerStatus["status_label"], string> = {
  PENDING: "pill-pending",
  PROCESSING: "pill-processing",
  CONNECTED: "pill-connected",
  DISCONNECTED: "pill-disconnected",
  "NEEDS ATTENTION": "pill-attention",
};

/** Props of {@link StatusPill}. */
export interface StatusPillProps {
  label: EmployerStatus["status_label"];
}

/** The connection's dashboard label as a colored pill (color only repeats the words, never replaces them). */
export function StatusPill({ label }: StatusPillProps) {
  return (
    <span className={`pill ${PILL_CLASSES[label]}`} data-testid="status-label">
      {label}
    </span>
  );
}
