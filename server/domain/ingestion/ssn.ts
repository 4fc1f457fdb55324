/** Social Security numbers: normalizing, checking and masking (messages never include the number itself). */

/** `NNN-NN-NNNN` from 9 digits written with or without dashes or spaces; anything else is returned trimmed, unchanged. */
export function normalizeSsn(raw: string): string {
  let digits = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
    else if (c !== 45 && c !== 32) return raw;
  }
  return digits.length === 9 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : raw;
}

/** Why an SSN is invalid, or null when it is valid (`NNN-NN-NNNN` or 9 digits, with issuable area, group and serial). */
export function ssnProblem(ssn: string): string | null {
  let digits: string;
  if (ssn.length === 11 && ssn[3] === "-" && ssn[6] === "-") digits = ssn.slice(0, 3) + ssn.slice(4, 6) + ssn.slice(7);
  else if (ssn.length === 9) digits = ssn;
  else return "is not in the form NNN-NN-NNNN or 9 digits";
  for (let i = 0; i < 9; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return "is not in the form NNN-NN-NNNN or 9 digits";
  }
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return "has an area number (first three digits) that is never issued: 000, 666 or 900–999";
  if (digits.slice(3, 5) === "00") return "has group number 00, which is never issued";
  if (digits.slice(5) === "0000") return "has serial number 0000, which is never issued";
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
