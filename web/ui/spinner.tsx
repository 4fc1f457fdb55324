/** Props of {@link Spinner}. */
export interface SpinnerProps {
  /** Read out by screen readers and shown beside the wheel. */
  label?: string;
}

/** A small loading wheel with a polite status label. */
export function Spinner({ label = "Loading…" }: SpinnerProps) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-wheel" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
