/** Dates as payroll reports write them → ISO `YYYY-MM-DD`, without regular expressions (this runs per cell). */
import type { DateFormat } from "./mapping.js";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True in leap years of the Gregorian calendar. */
function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(year: number, digits: number): number {
  if (digits === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The ISO day, or null when the parts are not a real calendar day. */
function iso(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const max = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > max) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The ISO day a cell means, or null if it is not a valid date in `format`. ISO `YYYY-MM-DD` is always accepted (XLSX
 * date cells arrive so), slash formats also take `-` or `.` and 2-digit years, and a trailing time is ignored.
 */
export function parseDate(raw: string, format: DateFormat): string | null {
  const values = [0, 0, 0];
  const digits = [0, 0, 0];
  let part = 0;
  let end = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 84) {
      end = i; // " 12:00:00 AM" or "T00:00:00Z"
      break;
    }
  }
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits[part]! >= 4) return null;
      values[part] = values[part]! * 10 + (c - 48);
      digits[part]!++;
    } else if ((c === 47 || c === 45 || c === 46) && digits[part]! > 0 && part < 2) {
      part++;
    } else {
      return null;
    }
  }
  if (part !== 2 || digits[2] === 0) return null;
  const [a, b, c] = values as [number, number, number];
  const [da, db, dc] = digits as [number, number, number];
  if (da === 4) return db <= 2 && dc <= 2 ? iso(a, b, c) : null;
  if (format === "YYYY-MM-DD" || da > 2 || db > 2 || (dc !== 2 && dc !== 4)) return null;
  if (format === "DD/MM/YYYY") return iso(fullYear(c, dc), b, a);
  return iso(fullYear(c, dc), a, b);
}

/** True when a string is an ISO `YYYY-MM-DD` day that exists. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  // digits read in place (this runs for every date of every person): no string is built
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    year = year * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  return isDay(year, m1 * 10 + m2, d1 * 10 + d2);
}

/** True when the parts are a calendar day in the range {@link parseDate} accepts. */
function isDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}
