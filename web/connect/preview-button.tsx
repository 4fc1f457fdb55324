/** Props of {@link PreviewButton}. */
export interface PreviewButtonProps {
  /** Test id of the button this one stands in for. */
  testId?: string;
}

/** Stands in for the final action in preview mode, where authorize is never called. */
export function PreviewButton({ testId }: PreviewButtonProps) {
  return (
    <button type="button" className="btn btn-primary btn-block" disabled data-testid={testId}>
      Preview only: nothing is connected
    </button>
  );
}
