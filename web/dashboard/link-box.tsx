import { CopyButton } from "../ui/copy-button.js";

/** Props of {@link LinkBox}. */
export interface LinkBoxProps {
  url: string;
  label: string;
  testId: string;
}

/** A link (or secret) to hand on: selectable text with a copy button. */
export function LinkBox({ url, label, testId }: LinkBoxProps) {
  return (
    <div className="link-box">
      <p className="small muted">{label}</p>
      <div className="invite-box">
        <code data-testid={testId}>{url}</code>
        <CopyButton text={url} label={`Copy: ${label}`} />
      </div>
    </div>
  );
}
