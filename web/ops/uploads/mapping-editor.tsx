import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { SelectField } from "../../ui/select-field.js";
import { useAction } from "../../ui/use-action.js";
import type { Mapping, UploadView } from "../ops-types.js";
import { AMOUNT_UNITS, cleanMapping, columnOptions, DATE_FORMATS, initialMapping, missingRequired } from "./mapping-draft.js";
import { TemplateSave } from "./template-save.js";
import { setMapping } from "./upload-api.js";

/** Props of {@link MappingEditor}. */
export interface MappingEditorProps {
  upload: UploadView;
  providerId: string;
  /** Receives the re-validated upload after "Apply mapping". */
  onApplied: (upload: UploadView) => void;
  /** A template was saved (the template list reloads). */
  onTemplateSaved: () => void;
}

/** For each field the file can fill, which column holds it; plus date format and money unit. */
export function MappingEditor({ upload, providerId, onApplied, onTemplateSaved }: MappingEditorProps) {
  const [draft, setDraft] = useState<Mapping>(() => initialMapping(upload));
  const action = useAction();
  const missing = missingRequired(upload, draft);

  const setColumn = (field: string, header: string) => setDraft((d) => ({ ...d, columns: { ...d.columns, [field]: header } }));
  const apply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const updated = await action.run(() => setMapping(upload.id, cleanMapping(draft)));
    if (updated) onApplied(updated);
  };

  return (
    <form className="mapping-editor" onSubmit={apply} aria-label="Column mapping" data-testid="mapping-editor">
      <div className="mapping-grid">
        {upload.fields.map((field) => (
          <SelectField
            key={field.name}
            label={field.label}
            required={field.required}
            value={draft.columns[field.name] ?? ""}
            options={columnOptions(upload.headers, draft.columns[field.name])}
            onChange={(header) => setColumn(field.name, header)}
            testId={`map-${field.name}`}
          />
        ))}
      </div>
      <div className="mapping-grid mapping-formats">
        <SelectField
          label="Date format"
          value={draft.dateFormat}
          options={DATE_FORMATS.map((f) => ({ value: f, label: f }))}
          onChange={(dateFormat) => setDraft((d) => ({ ...d, dateFormat: dateFormat as Mapping["dateFormat"] }))}
          testId="mapping-date-format"
        />
        <SelectField
          label="Amounts in"
          value={draft.amountsIn}
          options={AMOUNT_UNITS}
          onChange={(amountsIn) => setDraft((d) => ({ ...d, amountsIn: amountsIn as Mapping["amountsIn"] }))}
          testId="mapping-amounts-in"
        />
      </div>
      {missing.length > 0 && (
        <p className="small notice" data-testid="mapping-missing">
          Required and not mapped: {missing.join(", ")}
        </p>
      )}
      <ErrorBanner message={action.error} testId="mapping-error" />
      <div className="button-row">
        <Button type="submit" disabled={action.busy || missing.length > 0} data-testid="mapping-save">
          {action.busy ? "Checking…" : "Apply mapping"}
        </Button>
      </div>
      <TemplateSave providerId={providerId} mapping={cleanMapping(draft)} onSaved={onTemplateSaved} />
    </form>
  );
}
