/** A column: its title and whether its cells are right-aligned (numbers). */
export interface Column {
  title: string;
  right?: boolean;
}

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function formatTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]?.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join("\n");
}

/** A number with `digits` decimals, or "n/a". */
export function num(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || Number.isNaN(value) ? "n/a" : value.toFixed(digits);
}

/** "met" or "NOT met", with the measured value and the target beside it. */
export function verdict(met: boolean, measured: string, target: string): string {
  return `${met ? "met    " : "NOT met"}  ${measured} (target ${target})`;
}
