import { useId } from "react";

/** One option of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** Marks the label "required" (visually and for screen readers) without blocking form submission. */
  required?: boolean;
  /** Extra class names on the wrapper (e.g. "field-inline"). */
  className?: string;
  disabled?: boolean;
  testId?: string;
}

/** A labelled native select: keyboard and screen-reader friendly for free. */
export function SelectField({ label, value, options, onChange, required = false, className, disabled, testId }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={["field", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" title="required">
            {" "}
            *<span className="visually-hidden"> (required)</span>
          </span>
        )}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        disabled={disabled}
        aria-required={required || undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
