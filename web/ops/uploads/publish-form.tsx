import { type FormEvent, useId, useState } from "react";
import { Button } from "../../ui/button.js";
import { CheckboxField } from "../../ui/checkbox-field.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { toLocalInput } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import type { UploadView } from "../ops-types.js";
import { publishUpload } from "./upload-api.js";

/** Props of {@link PublishForm}. */
export interface PublishFormProps {
  upload: UploadView;
  onPublished: (upload: UploadView) => void;
}

/** When the data was pulled, the confirmation some warnings need, and "Publish" (disabled while errors remain). */
export function PublishForm({ upload, onPublished }: PublishFormProps) {
  const retrievedId = useId();
  const [retrievedAt, setRetrievedAt] = useState(() => toLocalInput(new Date()));
  const [confirmed, setConfirmed] = useState(false);
  const action = useAction();
  const report = upload.report;
  const errors = report?.errors.length ?? 0;
  // only a valid upload may be published (the upload state machine); the report explains why it is not
  const blocked = !upload.next_statuses.includes("published");

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (blocked || action.busy) return;
    const when = new Date(retrievedAt);
    const iso = Number.isNaN(when.getTime()) ? undefined : when.toISOString();
    const published = await action.run(() => publishUpload(upload.id, confirmed, iso));
    if (published) onPublished(published);
  };

  return (
    <form className="form publish-form" onSubmit={submit} aria-label="Publish">
      {report?.requiresConfirmation && (
        <div className="notice confirm-box">
          <CheckboxField
            label={report.confirmationReason ?? "I have checked this file and want to publish it anyway."}
            checked={confirmed}
            onChange={setConfirmed}
            testId="confirm-publish"
          />
        </div>
      )}
      <div className="field field-narrow">
        <label className="field-label" htmlFor={retrievedId}>
          Retrieved at
        </label>
        <input
          id={retrievedId}
          className="input"
          type="datetime-local"
          value={retrievedAt}
          max={toLocalInput(new Date(Date.now() + 60_000))}
          onChange={(e) => setRetrievedAt(e.target.value)}
          data-testid="retrieved-at"
        />
        <span className="small muted">When the data was pulled from the employer's system.</span>
      </div>
      <ErrorBanner message={action.error} testId="publish-error" />
      {upload.status === "needs_mapping" && <p className="small muted">Apply a mapping to validate the file before publishing.</p>}
      {errors > 0 && <p className="small issue-error-text">Fix the errors above to publish.</p>}
      <div className="button-row">
        <Button type="submit" disabled={blocked || action.busy} data-testid="publish">
          {action.busy ? "Publishing…" : "Publish"}
        </Button>
      </div>
    </form>
  );
}
