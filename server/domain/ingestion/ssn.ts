/** Social Security numbers: normalizing, checking and masking (messages never include the number itself). */

/** `NNN-NN-NNNN` from 9 digits written with or without dashes or spaces; anything else is returned trimmed, unchanged. */
export function normalizeSsn(raw: string): string {
  if (isDashedSsn(raw)) return raw; // most exports write it so already: nothing to build
  let digits = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
    else if (c !== 45 && c !== 32) return raw;
  }
  return digits.length === 9 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : raw;
}

/** True for exactly `NNN-NN-NNNN`. */
function isDashedSsn(raw: string): boolean {
  if (raw.length !== 11 || raw.charCodeAt(3) !== 45 || raw.charCodeAt(6) !== 45) return false;
  for (let i = 0; i < 11; i++) {
    if (i === 3 || i === 6) continue;
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Why an SSN is invalid, or null when it is valid (`NNN-NN-NNNN` or 9 digits, with issuable area, group and serial). */
export function ssnProblem(ssn: string): string | null {
  // read in place, digit by digit (this runs for every person): the dashed form skips positions 3 and 6
  const dashed = ssn.length === 11 && ssn.charCodeAt(3) === 45 && ssn.charCodeAt(6) === 45;
  if (!dashed && ssn.length !== 9) return "is not in the form NNN-NN-NNNN or 9 digits";
  let area = 0;
  let group = 0;
  let serial = 0;
  for (let k = 0; k < 9; k++) {
    const c = ssn.charCodeAt(dashed ? (k < 3 ? k : k < 5 ? k + 1 : k + 2) : k) - 48;
    if (c < 0 || c > 9) return "is not in the form NNN-NN-NNNN or 9 digits";
    if (k < 3) area = area * 10 + c;
    else if (k < 5) group = group * 10 + c;
    else serial = serial * 10 + c;
  }
  if (area === 0 || area === 666 || area >= 900) return "has an area number (first three digits) that is never issued: 000, 666 or 900–999";
  if (group === 0) return "has group number 00, which is never issued";
  if (serial === 0) return "has serial number 0000, which is never issued";
  return null;
}

/** `***-**-1234`, or null for no SSN. */
export function maskSsn(ssn: string | null | undefined): string | null {
  if (ssn === null || ssn === undefined || ssn === "") return null;
  return `***-**-${ssn.slice(-4)}`;
}

/** True when an export masked the SSN (`XXX-XX-1234`, `***-**-1234`). */
export function isMaskedSsn(raw: string): boolean {
  return raw.includes("X") || raw.includes("x") || raw.includes("*");
}
