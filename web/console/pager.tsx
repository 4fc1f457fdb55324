import { Button } from "../ui/button.js";
import { formatCount } from "../ui/format.js";

/** Props of {@link Pager}. */
export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** "1–50 of 120" with Previous / Next; renders nothing when everything fits on one page. */
export function Pager({ offset, limit, total, onOffset }: PagerProps) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label="Pages">
      <span className="small muted" data-testid="page-range">
        {total === 0 ? "0" : `${formatCount(offset + 1)}–${formatCount(last)}`} of {formatCount(total)}
      </span>
      <Button
        variant="secondary"
        className="btn-small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
        data-testid="page-prev"
      >
        Previous
      </Button>
      <Button
        variant="secondary"
        className="btn-small"
        disabled={last >= total}
        onClick={() => onOffset(offset + limit)}
        data-testid="page-next"
      >
        Next
      </Button>
    </nav>
  );
}
