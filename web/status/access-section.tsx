import { useState } from "react";
import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { errorMessage } from "../ui/fetch-json.js";
import { formatDate } from "../ui/format.js";
import { confirmAccess } from "./status-api.js";

/** Props of {@link AccessSection}. */
export interface AccessSectionProps {
  token: string;
  status: EmployerStatus;
  /** Receives the server's updated status after a confirmation. */
  onChange: (status: EmployerStatus) => void;
}

/** Whether the employer confirmed granting admin access, or a button to confirm it now. */
export function AccessSection({ token, status, onChange }: AccessSectionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status.access_confirmed_at !== null) {
    return (
      <p data-testid="access-confirmed">
        You confirmed admin access on <strong>{formatDate(status.access_confirmed_at)}</strong>.
      </p>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await confirmAccess(token));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>Once you have given admin access, let us know so we can start.</p>
      <ErrorBanner message={error} />
      <Button block disabled={busy} onClick={confirm} data-testid="confirm-access">
        I have granted access
      </Button>
    </>
  );
}
