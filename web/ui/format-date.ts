const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatter = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

/** Formats an ISO date or timestamp as a local date like "Dec 8, 2026"; returns the input if it cannot be parsed. */
export function formatDate(iso: string): string {
  // A bare "2026-12-08" parses as UTC midnight, which is the previous day west of Greenwich: read it as local.
  const dateOnly = DATE_ONLY.exec(iso);
  const date = dateOnly
    ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))
    : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}
