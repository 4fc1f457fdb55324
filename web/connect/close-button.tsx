/** Props of {@link CloseButton}. */
export interface CloseButtonProps {
  onClick: () => void;
}

/** The "×" in the top corner of every Connect step. */
export function CloseButton({ onClick }: CloseButtonProps) {
  return (
    <button type="button" className="close-button" aria-label="Close" data-testid="close" onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
