import { useId } from "react";
import { ErrorBanner } from "../../ui/error-banner.js";
import { count, formatBytes, formatDate, statusWords } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import { GROUP_LABELS } from "../labels.js";
import type { UploadView } from "../ops-types.js";
import { DiffSummary } from "./diff-summary.js";
import { DiscardButton } from "./discard-button.js";
import { MappingEditor } from "./mapping-editor.js";
import { PreviewTable } from "./preview-table.js";
import { PublishForm } from "./publish-form.js";
import { TemplatePicker } from "./template-picker.js";
import { discardUpload, listTemplates } from "./upload-api.js";
import { ValidationReport } from "./validation-report.js";

/** Props of {@link UploadWorkspace}. */
export interface UploadWorkspaceProps {
  upload: UploadView;
  /** The connection's provider (templates belong to a provider). */
  providerId: string;
  /** Receives every new state of the upload (mapping applied, published). */
  onChange: (upload: UploadView) => void;
  onPublished?: (upload: UploadView) => void;
  onDiscarded?: () => void;
}

/** One upload end to end: file facts, template, mapping, preview, validation report, diff, then publish or discard. */
export function UploadWorkspace({ upload, providerId, onChange, onPublished, onDiscarded }: UploadWorkspaceProps) {
  const titleId = useId();
  const templates = useLoad(`${providerId}:${upload.group}`, () => listTemplates(providerId, upload.group));
  const discard = useAction();
  const purged = upload.purged_at !== null;
  // the server's state machine says what may happen next: a final or purged upload offers nothing
  const editable = !purged && upload.next_statuses.length > 0;

  const published = (u: UploadView) => {
    onChange(u);
    onPublished?.(u);
  };
  const drop = async () => {
    if ((await discard.run(() => discardUpload(upload.id))) !== null) onDiscarded?.();
  };

  return (
    <section className="upload-view" aria-labelledby={titleId} data-testid="upload-view">
      <header className="upload-head">
        <h3 id={titleId} className="subheading" data-testid="upload-file-name">
          {upload.file_name}
        </h3>
        <span className={`badge badge-${upload.group}`}>{GROUP_LABELS[upload.group]}</span>
        <span className={`badge badge-upload-${upload.status}`} data-testid="upload-status">
          {statusWords(upload.status)}
        </span>
      </header>
      <p className="small muted" data-testid="upload-facts">
        {upload.format.toUpperCase()} · {count(upload.row_count, "row")} · {formatBytes(upload.size_bytes)}
        {purged ? "" : ` · ${upload.headers.length} columns`}
      </p>
      {upload.purged_at !== null && (
        <p className="notice" role="status" data-testid="upload-purged">
          The file itself was deleted on {formatDate(upload.purged_at)}, when the retention period for uploads ended. Its validation report
          and changes are kept below
          {upload.status === "published" ? ", and the data it published is still served." : "."}{" "}
          {upload.status === "published" ? "" : "To publish this data, upload the file again."}
        </p>
      )}
      <p className="small" data-testid="detected-template">
        {upload.template ? (
          <>
            Template: <strong>{upload.template.name}</strong>
          </>
        ) : (
          "No template matched this file: map the columns below."
        )}
      </p>

      {upload.status === "published" && (
        <p className="published" role="status" data-testid="published">
          Published as snapshot <code>{upload.published_snapshot_id ?? "—"}</code>
        </p>
      )}
      {upload.status === "discarded" && <p className="notice">This upload was discarded.</p>}

      {editable && (
        <>
          <h4 className="section-title">Mapping</h4>
          <TemplatePicker upload={upload} templates={templates.data ?? []} onApplied={onChange} />
          <MappingEditor
            key={JSON.stringify(upload.mapping)}
            upload={upload}
            providerId={providerId}
            onApplied={onChange}
            onTemplateSaved={() => void templates.reload()}
          />
        </>
      )}

      {!purged && (
        <>
          <h4 className="section-title">Preview</h4>
          <PreviewTable group={upload.group} status={upload.status} records={upload.preview} rowCount={upload.row_count} />
        </>
      )}

      <h4 className="section-title">Validation</h4>
      {upload.report ? (
        <ValidationReport report={upload.report} />
      ) : (
        <p className="muted">Not validated yet: map the required columns first.</p>
      )}

      <h4 className="section-title">Changes against the current data</h4>
      <DiffSummary diff={upload.diff} />

      {editable && (
        <>
          <PublishForm upload={upload} onPublished={published} />
          <DiscardButton busy={discard.busy} onDiscard={drop} />
          <ErrorBanner message={discard.error} testId="discard-error" />
        </>
      )}
    </section>
  );
}
