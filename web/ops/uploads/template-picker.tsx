import { useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { SelectField } from "../../ui/select-field.js";
import { useAction } from "../../ui/use-action.js";
import type { Template, UploadView } from "../ops-types.js";
import { applyTemplate, setMapping } from "./upload-api.js";

/** Props of {@link TemplatePicker}. */
export interface TemplatePickerProps {
  upload: UploadView;
  templates: Template[];
  onApplied: (upload: UploadView) => void;
}

/** A built-in template has no id: it is applied by sending its mapping. */
const optionValue = (t: Template, index: number) => t.id ?? `builtin:${index}`;

/** Applies one of the provider's saved or built-in templates to the upload. */
export function TemplatePicker({ upload, templates, onApplied }: TemplatePickerProps) {
  const [choice, setChoice] = useState("");
  const action = useAction();
  if (templates.length === 0) return null;

  const apply = async () => {
    const index = templates.findIndex((t, i) => optionValue(t, i) === choice);
    const template = templates[index];
    if (!template) return;
    const updated = await action.run(() =>
      template.id === null ? setMapping(upload.id, template.mapping) : applyTemplate(upload.id, template.id),
    );
    if (updated) onApplied(updated);
  };

  const options = [
    { value: "", label: "Choose a template…" },
    ...templates.map((t, i) => ({ value: optionValue(t, i), label: t.builtin ? `${t.name} (built-in)` : t.name })),
  ];
  return (
    <div className="template-picker">
      <div className="inline-fields">
        <SelectField label="Apply a template" value={choice} options={options} onChange={setChoice} testId="template-select" />
        <Button variant="secondary" disabled={choice === "" || action.busy} onClick={apply} data-testid="template-apply">
          {action.busy ? "Applying…" : "Apply"}
        </Button>
      </div>
      <ErrorBanner message={action.error} testId="template-apply-error" />
    </div>
  );
}
