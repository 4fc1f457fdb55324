import { type ReactNode, useId } from "react";

/** Props of {@link ReasonField}. */
export interface ReasonFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoFocus?: boolean;
}

/** The short, required, free-text reason an operator gives for an action (kept in the activity timeline; 500 characters at most). */
export function ReasonField({ label, value, onChange, testId, autoFocus = false }: ReasonFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="input"
        rows={2}
        maxLength={500}
        required
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </div>
  );
}
