import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { useAction } from "../../ui/use-action.js";
import type { ManualJob } from "../ops-types.js";
import { defaultMessage, type ItemRow, initialRows } from "./completion-items.js";
import { CompletionRow } from "./completion-row.js";
import { completeManualJob } from "./manual-jobs-api.js";

/** Props of {@link CompletionForm}. */
export interface CompletionFormProps {
  job: ManualJob;
  onCompleted: (job: ManualJob) => void;
}

/** The outcome of a manual job: one result per item (individual, code, message) and complete / error overall. */
export function CompletionForm({ job, onCompleted }: CompletionFormProps) {
  const [rows, setRows] = useState<ItemRow[]>(() => initialRows(job));
  const [status, setStatus] = useState<"complete" | "error">("complete");
  const action = useAction();

  const update = (index: number, patch: Partial<ItemRow>) =>
    setRows((all) =>
      all.map((row, i) => {
        if (i !== index) return row;
        const next = { ...row, ...patch };
        // A new code brings its usual message unless the operator wrote their own.
        if (patch.code !== undefined && (row.message === "" || row.message === defaultMessage(job.type, row.code))) {
          next.message = defaultMessage(job.type, patch.code);
        }
        return next;
      }),
    );
  const add = () => setRows((all) => [...all, { individualId: "", code: 200, message: defaultMessage(job.type, 200) }]);
  const remove = (index: number) => setRows((all) => all.filter((_, i) => i !== index));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = rows.map((r) => ({
      ...(r.individualId.trim() ? { individual_id: r.individualId.trim() } : {}),
      code: r.code,
      message: r.message.trim(),
    }));
    const done = await action.run(() => completeManualJob(job.job_id, status, body));
    if (done) onCompleted(done);
  };

  return (
    <form className="form completion-form" onSubmit={submit} aria-label="Record the outcome" data-testid="job-completion">
      <fieldset>
        <legend className="field-label">Result per item</legend>
        <ol className="completion-rows">
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position while edited
            <CompletionRow key={index} index={index} row={row} canRemove={rows.length > 1} onChange={update} onRemove={remove} />
          ))}
        </ol>
        <Button variant="secondary" className="btn-small" onClick={add} data-testid="job-item-add">
          Add a row
        </Button>
      </fieldset>
      <fieldset className="radio-group">
        <legend className="field-label">Overall</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="job-status"
            checked={status === "complete"}
            onChange={() => setStatus("complete")}
            data-testid="job-status-complete"
          />
          Complete — the changes were entered (per-item failures are listed above)
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="job-status"
            checked={status === "error"}
            onChange={() => setStatus("error")}
            data-testid="job-status-error"
          />
          Error — the job could not be carried out
        </label>
      </fieldset>
      <ErrorBanner message={action.error} testId="job-error" />
      <div className="button-row">
        <Button type="submit" disabled={action.busy || rows.length === 0} data-testid="job-complete">
          {action.busy ? "Saving…" : "Record outcome"}
        </Button>
      </div>
    </form>
  );
}
