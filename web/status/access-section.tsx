import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { formatDate } from "../ui/format.js";
import { useAction } from "../ui/use-action.js";
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
  const { busy, error, run } = useAction();

  if (status.access_confirmed_at !== null) {
    return (
      <p data-testid="access-confirmed">
        You confirmed admin access on <strong>{formatDate(status.access_confirmed_at)}</strong>.
      </p>
    );
  }

  const confirm = async () => {
    const updated = await run(() => confirmAccess(token));
    if (updated) onChange(updated);
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
