/**
 * Government and bank identifiers in valid formats: EINs, SSNs, ABA routing numbers, account numbers, phone numbers.
 * None is real; each passes the checks a payroll system would run (prefix rules, ABA checksum).
 */
import type { Rng } from "./random.js";

/** EIN prefixes the IRS assigns (campus and internet prefixes); others are never issued. */
const EIN_PREFIXES = [
  1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44,
  45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83,
  84, 85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
];

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** An EIN, `NN-NNNNNNN`. */
export function randomEin(rng: Rng): string {
  return `${pad(rng.pick(EIN_PREFIXES), 2)}-${pad(rng.int(0, 9_999_999), 7)}`;
}

/** A 9-digit SSN as a number: area 001–899 but not 666, group 01–99, serial 0001–9999. */
export function randomSsnNumber(rng: Rng): number {
  let area = rng.int(1, 898);
  if (area >= 666) area += 1; // skip 666 without biasing toward its neighbour
  return area * 1_000_000 + rng.int(1, 99) * 10_000 + rng.int(1, 9999);
}

/** `AAA-GG-SSSS` from a 9-digit SSN number. */
export function formatSsn(ssn: number): string {
  const digits = pad(ssn, 9);
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** True when an SSN has the valid format and ranges. */
export function isValidSsn(ssn: string): boolean {
  const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(ssn);
  if (!match) return false;
  const area = Number(match[1]);
  return area !== 0 && area !== 666 && area < 900 && match[2] !== "00" && match[3] !== "0000";
}

/** ABA weights 3-7-1 over the nine digits; a routing number is valid when the weighted sum is a multiple of 10. */
const ABA_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/** True when a 9-digit routing number passes the ABA checksum. */
export function isValidRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(routing[i]) * ABA_WEIGHTS[i]!;
  return sum % 10 === 0;
}

/** A routing number: a Federal Reserve district prefix (01–12, or 21–32 for thrifts), six digits, and a check digit. */
export function randomRoutingNumber(rng: Rng): string {
  const district = rng.chance(0.8) ? rng.int(1, 12) : rng.int(21, 32);
  const body = pad(district, 2) + pad(rng.int(0, 999_999), 6);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * ABA_WEIGHTS[i]!;
  return body + String((10 - (sum % 10)) % 10);
}

/** A bank account number of 8 to 12 digits, not starting with 0. */
export function randomAccountNumber(rng: Rng): string {
  const length = rng.int(8, 12);
  let digits = String(rng.int(1, 9));
  while (digits.length < length) digits += String(rng.int(0, 9));
  return digits;
}

/** An E.164 US number in an area code: `+1` + area + exchange (first digit 2–9, not N11) + line. */
export function randomPhone(rng: Rng, areaCode: string): string {
  let exchange = rng.int(200, 999);
  if (exchange % 100 === 11) exchange += 1; // N11 exchanges are service codes
  return `+1${areaCode}${exchange}${pad(rng.int(0, 9999), 4)}`;
}
