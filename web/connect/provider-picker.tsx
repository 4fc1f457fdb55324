import { useId, useMemo, useState } from "react";
import type { ConnectFlow, FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { StepHeading } from "../ui/step-heading.js";
import { BackLink } from "./back-link.js";
import { ProviderOption } from "./provider-option.js";

/** Props of {@link ProviderPicker}. */
export interface ProviderPickerProps {
  flow: ConnectFlow;
  onPick: (provider: FlowProvider) => void;
  onBack: () => void;
}

const systems = (n: number) => `${n} ${n === 1 ? "system" : "systems"}`;

/** Step b: search the providers by name and pick one. */
export function ProviderPicker({ flow, onPick, onBack }: ProviderPickerProps) {
  const [query, setQuery] = useState("");
  const inputId = useId();
  const countId = useId();

  const matches = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    if (!needle) return flow.providers;
    return flow.providers.filter((p) => p.display_name.toLocaleLowerCase().includes(needle));
  }, [flow.providers, query]);

  return (
    <>
      <BackLink onClick={onBack} />
      <StepHeading>Select your payroll or HR system</StepHeading>
      <label className="field-label" htmlFor={inputId}>
        Search systems
      </label>
      <input
        id={inputId}
        type="search"
        className="input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. Gusto"
        autoComplete="off"
        aria-describedby={countId}
        data-testid="provider-search"
      />
      <p id={countId} className="muted small" aria-live="polite" data-testid="provider-count">
        {systems(matches.length)}
      </p>
      {matches.length === 0 ? (
        <p className="empty">No system matches “{query.trim()}”.</p>
      ) : (
        <ul className="provider-list">
          {matches.map((provider) => (
            <li key={provider.id}>
              <ProviderOption provider={provider} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
