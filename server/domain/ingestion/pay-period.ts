/** Pay frequency from a pay period's dates, for registers that do not say it. */
import type { PayFrequency } from "./mapping.js";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day. */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** True when an ISO day is the last of its month. */
function isMonthEnd(iso: string): boolean {
  return new Date((dayNumber(iso) + 1) * DAY_MS).getUTCDate() === 1;
}

/**
 * The frequency a period implies: 1st–15th or 16th–month end is semi-monthly, a whole month monthly, 14 days
 * bi-weekly, 7 days weekly, a calendar quarter quarterly; null when it is none of these.
 */
export function frequencyOfPeriod(start: string | null, end: string | null): PayFrequency | null {
  if (start === null || end === null) return null;
  const days = dayNumber(end) - dayNumber(start) + 1;
  const startDay = start.slice(8, 10);
  const endDay = end.slice(8, 10);
  if ((startDay === "01" && endDay === "15") || (startDay === "16" && isMonthEnd(end))) return "semi_monthly";
  if (startDay === "01" && isMonthEnd(end) && days >= 28 && days <= 31) return "monthly";
  if (startDay === "01" && isMonthEnd(end) && days >= 89 && days <= 92) return "quarterly";
  if (days === 14) return "bi_weekly";
  if (days === 7) return "weekly";
  if (days === 1) return "daily";
  return null;
}

/** A pay frequency as people read it, for naming pay groups. */
export function frequencyLabel(frequency: PayFrequency): string {
  const labels: Record<PayFrequency, string> = {
    annually: "Annual",
    bi_weekly: "Bi-weekly",
    daily: "Daily",
    monthly: "Monthly",
    other: "Other",
    quarterly: "Quarterly",
    semi_annually: "Semi-annual",
    semi_monthly: "Semi-monthly",
    weekly: "Weekly",
  };
  return labels[frequency];
}
