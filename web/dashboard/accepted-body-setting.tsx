import { type FormEvent, useState } from "react";
import type { ApplicationSettings } from "../../contracts/linnet/dashboard.js";
import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { useAction } from "../ui/use-action.js";
import { saveAcceptedBody } from "./dashboard-api.js";

type Mode = "empty" | "finch";
const WORDS: Record<Mode, string> = {
  empty: "No body",
  finch: "A JSON body",
};
/** The current mode inside a sentence. */
const IN_SENTENCE: Record<Mode, string> = { empty: "no body", finch: "a JSON body" };
const EXPLAIN: Record<Mode, string> = {
  empty:
    "That is what Finch's assisted-connection guide describes. Finch's Node SDK then returns an empty company and empty lists, so your app must check the status.",
  finch: "It says whether the data is pending or being pulled, as Finch's current API reference documents.",
};

/** Choose what "not ready yet" (202) answers contain for this application: no body, or the JSON of Finch's reference. */
export function AcceptedBodySetting({ settings, onSaved }: { settings: ApplicationSettings; onSaved: (s: ApplicationSettings) => void }) {
  const [choice, setChoice] = useState<Mode | "default">(settings.accepted_body ?? "default");
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await action.run(() => saveAcceptedBody(settings.client_id, choice === "default" ? null : choice));
    if (result) {
      onSaved(result);
      setSaved(true);
    }
  };
  const current = settings.accepted_body ?? settings.accepted_body_default;
  const options: [Mode | "default", string][] = [
    ["default", `This server's default (now: ${IN_SENTENCE[settings.accepted_body_default]})`],
    ["empty", WORDS.empty],
    ["finch", WORDS.finch],
  ];
  return (
    <Card testId="accepted-body">
      <h2 className="section-title">Answers while data is not ready</h2>
      <p className="small">
        Until an employer's data has been pulled, data calls answer with status 202. Your app gets{" "}
        <strong data-testid="accepted-body-current">{IN_SENTENCE[current]}</strong> in that answer. {EXPLAIN[current]}
      </p>
      <form className="form" onSubmit={save}>
        <fieldset className="link-products">
          <legend className="field-label">What a 202 answer contains</legend>
          {options.map(([value, label]) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="accepted-body"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
                data-testid={`accepted-body-${value}`}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <ErrorBanner message={action.error} testId="accepted-body-error" />
        {saved && (
          <p className="small" role="status">
            Saved.
          </p>
        )}
        <Button type="submit" variant="secondary" disabled={action.busy} data-testid="accepted-body-save">
          Save
        </Button>
      </form>
    </Card>
  );
}
