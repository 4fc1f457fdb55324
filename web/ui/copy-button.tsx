import { useEffect, useState } from "react";
import { Button } from "./button.js";

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text put on the clipboard. */
  text: string;
  /** Accessible name, e.g. "Copy invite email". */
  label: string;
  /** Test hook; the invite email's button by default. */
  testId?: string;
}

/** Copies text to the clipboard and says "Copied" for a moment; clipboard failures are ignored (the text is selectable). */
export function CopyButton({ text, label, testId = "copy-invite-email" }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    // navigator.clipboard is missing on plain-http origins and may be denied inside iframes.
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  };

  return (
    <Button variant="secondary" className="btn-small" onClick={copy} aria-label={label} data-testid={testId}>
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
    </Button>
  );
}
