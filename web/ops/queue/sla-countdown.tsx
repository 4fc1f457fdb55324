import { countdownText, formatDateTime } from "../../ui/format.js";

/** Props of {@link SlaCountdown}. */
export interface SlaCountdownProps {
  dueAt: string;
  /** `due_in_ms` as the server computed it. */
  dueInMs: number;
  /** When that answer arrived (ms since the epoch). */
  loadedAt: number;
  /** The current time, ticking (see useNow). */
  now: number;
  /** Closed tasks show the due date only. */
  closed: boolean;
}

/** Milliseconds left now, from the server's `due_in_ms` at fetch time (immune to a skewed browser clock). */
export function remainingMs(dueInMs: number, loadedAt: number, now: number): number {
  return dueInMs - Math.max(0, now - loadedAt);
}

/** Due date and a live "due in 3d 4h" / "overdue by 2h". */
export function SlaCountdown({ dueAt, dueInMs, loadedAt, now, closed }: SlaCountdownProps) {
  const left = remainingMs(dueInMs, loadedAt, now);
  return (
    <span className="due">
      <span className="due-date">{formatDateTime(dueAt)}</span>
      {!closed && <span className={left < 0 ? "countdown countdown-overdue" : "countdown"}>{countdownText(left)}</span>}
    </span>
  );
}
