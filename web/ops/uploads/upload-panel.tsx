import { type ChangeEvent, useId } from "react";
import { ErrorBanner } from "../../ui/error-banner.js";
import { Spinner } from "../../ui/spinner.js";
import { useAction } from "../../ui/use-action.js";
import { GROUP_LABELS } from "../labels.js";
import type { Group, UploadView } from "../ops-types.js";
import { uploadFile } from "./upload-api.js";

/** Props of {@link UploadPanel}. */
export interface UploadPanelProps {
  connectionId: string;
  group: Group;
  /** The application asked for this group's products. */
  requested: boolean;
  onUploaded: (upload: UploadView) => void;
}

const HINTS: Record<Group, string> = {
  org: "The employee census or directory export (CSV or Excel).",
  pay: "A payroll register export: one row per pay statement (CSV or Excel).",
};

/** A file input that sends a provider export for one group as soon as a file is chosen. */
export function UploadPanel({ connectionId, group, requested, onUploaded }: UploadPanelProps) {
  const inputId = useId();
  const action = useAction();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const upload = await action.run(() => uploadFile(connectionId, group, file));
    input.value = ""; // choosing the same file again (after fixing it) must fire another change
    if (upload) onUploaded(upload);
  };

  return (
    <div className="upload-panel" data-testid={`upload-panel-${group}`}>
      <h3 className="subheading">{GROUP_LABELS[group]} upload</h3>
      <p className="small muted">{HINTS[group]}</p>
      {!requested && <p className="small notice">The application did not request {GROUP_LABELS[group].toLowerCase()} data.</p>}
      <label className="field-label" htmlFor={inputId}>
        Choose a {GROUP_LABELS[group].toLowerCase()} file
      </label>
      <input
        id={inputId}
        className="file-input"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.xls"
        disabled={action.busy}
        onChange={choose}
        data-testid={`upload-file-${group}`}
      />
      {action.busy && <Spinner label="Uploading and checking the file…" />}
      <ErrorBanner message={action.error} testId={`upload-error-${group}`} />
    </div>
  );
}
