/**
 * Money and numbers as reports write them → whole cents or plain numbers, without floating-point rounding. A comma
 * followed by one or two final digits is a decimal comma (`1.234,56`, `24,5`), as European-locale Excel saves them.
 */

const COMMA = 44;
const POINT = 46;

/** The decimal separator's code: `,` when the last comma is after the last point and ends the number with 1–2 digits. */
function decimalSeparator(raw: string): number {
  const comma = raw.lastIndexOf(",");
  if (comma < 0 || comma < raw.lastIndexOf(".")) return POINT;
  let j = comma + 1;
  while (j < raw.length && raw.charCodeAt(j) >= 48 && raw.charCodeAt(j) <= 57) j++;
  const after = j - comma - 1;
  return after === 1 || after === 2 ? COMMA : POINT;
}

/**
 * Cents from a dollar amount such as `1,234.56`, `$1,234.56`, `-12.5`, `(12.50)` or `12.50-`; null if it is not one.
 * More than two decimals are rounded half away from zero.
 */
export function parseDollars(raw: string): number | null {
  const point = decimalSeparator(raw);
  const group = point === POINT ? COMMA : POINT;
  let negative = false;
  let whole = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let roundUp = false;
  let seenDigit = false;
  let seenPoint = false;
  let start = 0;
  let end = raw.length;
  if (raw.charCodeAt(0) === 40 && raw.charCodeAt(end - 1) === 41) {
    negative = true;
    start = 1;
    end--;
  }
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (!seenPoint) whole = whole * 10 + (c - 48);
      else if (fractionDigits < 2) {
        fraction = fraction * 10 + (c - 48);
        fractionDigits++;
      } else if (fractionDigits++ === 2) roundUp = c >= 53;
    } else if (c === point && !seenPoint) seenPoint = true;
    else if ((c === group || c === 32 || c === 160) && !seenPoint && seenDigit) continue;
    else if (c === 45 && !negative && (!seenDigit || i === end - 1)) negative = true;
    else if ((c === 36 || c === 32) && !seenDigit) continue;
    else return null;
  }
  if (!seenDigit || whole > 90_000_000_000_000) return null;
  if (fractionDigits === 1) fraction *= 10;
  const cents = whole * 100 + fraction + (roundUp ? 1 : 0);
  return negative && cents !== 0 ? -cents : cents;
}

/** Whole cents written as an integer (`123456`, `-500`, `1,234`); null if it is not one. */
export function parseCents(raw: string): number | null {
  const text = raw.replaceAll(",", "");
  const n = Number(text);
  return text !== "" && Number.isSafeInteger(n) ? n : null;
}

/** A plain decimal number such as hours (`80`, `7.5`, `7,5`, `1,040.25`); null if it is not one. */
export function parseDecimal(raw: string): number | null {
  let text = raw;
  if (raw.includes(",")) text = decimalSeparator(raw) === COMMA ? raw.replaceAll(".", "").replace(",", ".") : raw.replaceAll(",", "");
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
