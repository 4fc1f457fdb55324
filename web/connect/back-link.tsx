/** Props of {@link BackLink}. */
export interface BackLinkProps {
  onClick: () => void;
}

/** "Back" to the previous step: a button styled as a link, since it changes the step rather than the URL. */
export function BackLink({ onClick }: BackLinkProps) {
  return (
    <button type="button" className="back-link" data-testid="back" onClick={onClick}>
      <span aria-hidden="true">←</span> Back
    </button>
  );
}
