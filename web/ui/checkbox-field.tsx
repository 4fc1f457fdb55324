import type { ReactNode } from "react";

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  testId?: string;
}

/** A checkbox wrapped in its label, so the whole line is clickable (uses the shared `.checkbox` style). */
export function CheckboxField({ label, checked, onChange, disabled, testId }: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
