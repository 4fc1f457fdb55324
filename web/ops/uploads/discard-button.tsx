import { useState } from "react";
import { Button } from "../../ui/button.js";

/** Props of {@link DiscardButton}. */
export interface DiscardButtonProps {
  busy: boolean;
  onDiscard: () => void;
}

/** "Discard this upload", confirmed inline (no window.confirm, which automation and some browsers suppress). */
export function DiscardButton({ busy, onDiscard }: DiscardButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="link" onClick={() => setAsking(true)} data-testid="discard">
        Discard this upload
      </Button>
    );
  }
  return (
    <div className="notice discard-confirm">
      <span>Discard this upload? It will not be published.</span>
      <div className="button-row">
        <Button variant="secondary" className="btn-small" disabled={busy} onClick={onDiscard} data-testid="discard-confirm">
          {busy ? "Discarding…" : "Discard"}
        </Button>
        <Button variant="link" className="btn-small" onClick={() => setAsking(false)} data-testid="discard-cancel">
          Keep it
        </Button>
      </div>
    </div>
  );
}
