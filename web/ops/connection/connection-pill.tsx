import { statusWords } from "../../ui/format.js";

const PILL_CLASSES: Record<string, string> = {
  pending: "pill-pending",
  processing: "pill-processing",
  connected: "pill-connected",
  disconnected: "pill-disconnected",
};

/** Props of {@link ConnectionPill}. */
export interface ConnectionPillProps {
  status: string;
  /** The dashboard label ("NEEDS ATTENTION", …). */
  label: string;
}

/** The connection's status as a colored pill (the shared `.pill` styles), with the precise state beside the label. */
export function ConnectionPill({ status, label }: ConnectionPillProps) {
  const words = statusWords(status);
  return (
    <span className="pill-line">
      <span className={`pill ${PILL_CLASSES[status] ?? "pill-attention"}`} data-testid="connection-status">
        {label}
      </span>
      {words.toUpperCase() !== label.toUpperCase() && <span className="muted small">{words}</span>}
    </span>
  );
}
