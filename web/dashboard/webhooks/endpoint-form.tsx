import { type FormEvent, useState } from "react";
import { WEBHOOK_EVENT_TYPES } from "../../../contracts/linnet/webhook-event-types.js";
import { Button } from "../../ui/button.js";
import { CheckboxField } from "../../ui/checkbox-field.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { TextField } from "../../ui/text-field.js";
import { useAction } from "../../ui/use-action.js";

/** The "Add endpoint" form: a URL and the event types to receive (none checked means every type). */
export function EndpointForm({ onCreate, onCancel }: { onCreate: (url: string, types: string[]) => Promise<void>; onCancel: () => void }) {
  const [url, setUrl] = useState("");
  const [types, setTypes] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(() => onCreate(url.trim(), types));
  };
  const toggle = (type: string, on: boolean) => setTypes((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  return (
    <form className="webhook-form" onSubmit={(e) => void submit(e)}>
      <TextField label="Endpoint URL" value={url} onChange={setUrl} />
      <fieldset className="webhook-types">
        <legend>Event types (none checked: every type)</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <CheckboxField key={type} label={<code>{type}</code>} checked={types.includes(type)} onChange={(on) => toggle(type, on)} />
        ))}
      </fieldset>
      <ErrorBanner message={error} testId="endpoint-form-error" />
      <div className="webhook-actions">
        <Button type="submit" disabled={busy}>
          Create endpoint
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
