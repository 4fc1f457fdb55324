/**
 * Calendar arithmetic on whole UTC days (days since 1970-01-01). Integers are cheap to compare and add, which matters
 * when half a million statements are checked against pay periods; strings are made only at the edge.
 */

const DAY_MS = 86_400_000;

/** A calendar date as a UTC day number. */
export type Day = number;

/** The UTC calendar day of an instant. */
export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Days from 1970-01-01 to a valid civil date (Hinnant's algorithm: plain integer math, no Date objects). */
function daysFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The day of a year, month (1–12) and day of month; out-of-range months and days roll over like Date.UTC. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = m0 - Math.floor(m0 / 12) * 12 + 1;
  return daysFromCivil(y, m, 1) + dayOfMonth - 1;
}

/** Year, month (1–12) and day of month (Hinnant's inverse). */
export function partsOf(day: Day): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` (years 1000–9999). */
export function isoDate(day: Day): string {
  const { year, month, dayOfMonth } = partsOf(day);
  return `${year}-${two(month)}-${two(dayOfMonth)}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The last day of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): Day {
  return dayFromParts(year, month + 1, 0);
}

/** The same day of month `months` later (or earlier), clamped to the month's end (Jan 31 − 1 month → Dec 31, + 1 → Feb 28/29). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, dayOfMonth } = partsOf(day);
  const target = dayFromParts(year, month + months, 1);
  const { year: y, month: m } = partsOf(target);
  return Math.min(dayFromParts(y, m, dayOfMonth), lastDayOfMonth(y, m));
}

/** Whole years between a birth date and a day, as people count their age. */
export function ageOn(birth: Day, on: Day): number {
  const b = partsOf(birth);
  const o = partsOf(on);
  const hadBirthday = o.month > b.month || (o.month === b.month && o.dayOfMonth >= b.dayOfMonth);
  return o.year - b.year - (hadBirthday ? 0 : 1);
}

/** True on Saturday and Sunday. */
export function isWeekend(day: Day): boolean {
  const wd = weekday(day);
  return wd === 0 || wd === 6;
}

/** `count` business days (Mon–Fri; bank holidays are not modelled) before `day`. */
export function businessDaysBefore(day: Day, count: number): Day {
  let result = day;
  for (let left = count; left > 0; ) {
    result -= 1;
    if (!isWeekend(result)) left -= 1;
  }
  return result;
}

/** The latest day on or before `day` that falls on `targetWeekday`. */
export function onOrBeforeWeekday(day: Day, targetWeekday: number): Day {
  return day - ((weekday(day) - targetWeekday + 7) % 7);
}
