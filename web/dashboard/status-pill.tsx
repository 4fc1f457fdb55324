const PILL_CLASSES: Record<string, string> = {
  pending: "pill-pending",
  processing: "pill-processing",
  connected: "pill-connected",
  disconnected: "pill-disconnected",
};

/** Props of {@link StatusPill}. */
export interface StatusPillProps {
  status: string;
  /** PENDING / PROCESSING / CONNECTED / DISCONNECTED / NEEDS ATTENTION. */
  label: string;
  /** The state in plain words, shown under error states. */
  words: string;
  testId?: string;
}

/** The dashboard label as a colored pill; error states also say what is wrong in words. */
export function StatusPill({ status, label, words, testId }: StatusPillProps) {
  return (
    <span className="pill-line">
      <span className={`pill ${PILL_CLASSES[status] ?? "pill-attention"}`} data-testid={testId}>
        {label}
      </span>
      {PILL_CLASSES[status] === undefined && <span className="cell-sub">{words}</span>}
    </span>
  );
}
