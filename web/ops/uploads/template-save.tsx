import { useId, useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { useAction } from "../../ui/use-action.js";
import type { Mapping } from "../ops-types.js";
import { saveTemplate } from "./upload-api.js";

/** Props of {@link TemplateSave}. */
export interface TemplateSaveProps {
  providerId: string;
  /** The mapping as currently edited. */
  mapping: Mapping;
  onSaved: () => void;
}

/**
 * "Save as template": names the edited mapping for reuse with this provider. Lives inside the mapping form, so it is
 * a group of fields with its own button rather than a nested form (Enter in the name saves the template).
 */
export function TemplateSave({ providerId, mapping, onSaved }: TemplateSaveProps) {
  const nameId = useId();
  const [name, setName] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === "" || action.busy) return;
    setSaved(null);
    const template = await action.run(() => saveTemplate(providerId, trimmed, mapping));
    if (template) {
      setSaved(template.name);
      setName("");
      onSaved();
    }
  };

  return (
    <fieldset className="template-save">
      <legend className="field-label">Save this mapping as a template</legend>
      <div className="inline-fields">
        <label className="visually-hidden" htmlFor={nameId}>
          Template name
        </label>
        <input
          id={nameId}
          className="input"
          placeholder="Template name, e.g. Paychex census export"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault(); // not the mapping form's submit
            void save();
          }}
          data-testid="template-name"
        />
        <Button variant="secondary" disabled={action.busy || name.trim() === ""} onClick={save} data-testid="template-save">
          {action.busy ? "Saving…" : "Save as template"}
        </Button>
      </div>
      <ErrorBanner message={action.error} testId="template-error" />
      {saved && (
        <p className="small result-ok" role="status" data-testid="template-saved">
          Saved template “{saved}”.
        </p>
      )}
    </fieldset>
  );
}
