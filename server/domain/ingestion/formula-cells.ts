/**
 * Formula-like cells ("CSV injection"): text that a spreadsheet would run as a formula when the file is opened.
 * Uploads keep such cells exactly as text and flag them; exports prefix them with `'` so they stay text.
 */

const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;
const TAB = 9;
const CR = 13;

/** True when the first character is one a spreadsheet treats as the start of a formula. */
export function startsLikeFormula(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR;
}

/**
 * True when a cell would be read as a formula. A signed number or phone number (`-12.50`, `+1 (415) 555-0100`) only
 * has digits, spaces, `.`, `,`, `(`, `)` and `-` after its sign: it cannot call anything, so it is not flagged.
 */
export function isFormulaLike(cell: string): boolean {
  if (!startsLikeFormula(cell)) return false;
  const first = cell.charCodeAt(0);
  if (first !== PLUS && first !== MINUS) return true;
  if (cell.length === 1) return false;
  for (let i = 1; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    const harmless = (c >= 48 && c <= 57) || c === 32 || c === 46 || c === 44 || c === 40 || c === 41 || c === MINUS;
    if (!harmless) return true;
  }
  return false;
}

/** One cell for a CSV export: formula-like text gets a leading `'`, and the cell is quoted when it needs to be. */
export function escapeCsvCell(value: string | number | boolean | null | undefined, delimiter = ","): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && isFormulaLike(text)) text = `'${text}`;
  const needsQuotes = text.includes('"') || text.includes(delimiter) || text.includes("\n") || text.includes("\r");
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
