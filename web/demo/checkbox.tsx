/** Props of {@link Checkbox}. */
export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A checkbox wrapped in its label, so the whole line is clickable. */
export function Checkbox({ label, checked, onChange, testId }: CheckboxProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}
