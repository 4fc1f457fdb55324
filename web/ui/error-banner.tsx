/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  /** What went wrong, in the server's words. Nothing renders when null. */
  message: string | null;
  /** Test id; "error" unless a page needs to tell several apart. */
  testId?: string;
}

/** An inline error announced to screen readers at once (role="alert"). */
export function ErrorBanner({ message, testId = "error" }: ErrorBannerProps) {
  if (message === null) return null;
  return (
    <div className="error-banner" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
