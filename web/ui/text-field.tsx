import { useId } from "react";

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** "text" or "password". */
  type?: "text" | "password";
  /** Lets password managers fill the field ("username", "current-password", "off"). */
  autoComplete?: string;
  testId?: string;
}

/** A labelled, required single-line input. */
export function TextField({ label, value, onChange, type = "text", autoComplete, testId }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        required
        spellCheck={false}
        autoCapitalize="none"
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </div>
  );
}
