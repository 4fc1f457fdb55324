import { useId } from "react";
import { type ItemRow, RESULT_CODES } from "./completion-items.js";

/** Props of {@link CompletionRow}. */
export interface CompletionRowProps {
  index: number;
  row: ItemRow;
  canRemove: boolean;
  onChange: (index: number, patch: Partial<ItemRow>) => void;
  onRemove: (index: number) => void;
}

/** One item's result: individual id, code and message. */
export function CompletionRow({ index, row, canRemove, onChange, onRemove }: CompletionRowProps) {
  const id = useId();
  return (
    <li className="completion-row">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-individual`}>
          Individual id <span className="muted">(optional)</span>
        </label>
        <input
          id={`${id}-individual`}
          className="input"
          value={row.individualId}
          spellCheck={false}
          onChange={(e) => onChange(index, { individualId: e.target.value })}
          data-testid={`job-item-id-${index}`}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-code`}>
          Code
        </label>
        <select
          id={`${id}-code`}
          className="input select"
          value={row.code}
          onChange={(e) => onChange(index, { code: Number(e.target.value) })}
          data-testid={`job-item-code-${index}`}
        >
          {RESULT_CODES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label className="field-label" htmlFor={`${id}-message`}>
          Message
        </label>
        <input
          id={`${id}-message`}
          className="input"
          value={row.message}
          required
          onChange={(e) => onChange(index, { message: e.target.value })}
          data-testid={`job-item-message-${index}`}
        />
      </div>
      {canRemove && (
        <button
          type="button"
          className="btn btn-link remove-row"
          onClick={() => onRemove(index)}
          aria-label={`Remove row ${index + 1}`}
          data-testid={`job-item-remove-${index}`}
        >
          Remove
        </button>
      )}
    </li>
  );
}
