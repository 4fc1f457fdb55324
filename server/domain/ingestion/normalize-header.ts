/** Column headers compare case- and space-insensitively: "Associate ID", "associate id" and "AssociateID" are one. */

const SPACES = /[\s\u00a0\ufeff]+/g;

/** The comparison key of a header. */
export function normalizeHeader(header: string): string {
  return header.replace(SPACES, "").toLowerCase();
}
