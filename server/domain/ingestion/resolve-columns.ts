/** Matches a mapping's column headers to the file's columns (case- and space-insensitively), once per file. */
import type { Issue } from "./issues.js";
import type { MappedField, Mapping } from "./mapping.js";
import { normalizeHeader } from "./normalize-header.js";

/** Where each field's column is in the file. */
export interface ResolvedColumns {
  /** Field → column index; -1 when the mapping has no column for it or the file lacks the column. */
  index: Record<string, number>;
  /** Field → the column header as the file writes it. */
  header: Partial<Record<MappedField, string>>;
  /** File headers no field is mapped to. */
  unknown: string[];
  /** Fields whose mapped column the file does not have, with the header the mapping expected. */
  absent: { field: MappedField; column: string }[];
}

/** An issue from parsing, with the field its column feeds (formula-like cells are found before any mapping). */
export function withField(columns: ResolvedColumns): (issue: Issue) => Issue {
  const fieldOf = new Map<string, MappedField>();
  for (const [field, header] of Object.entries(columns.header)) fieldOf.set(header, field as MappedField);
  return (issue) => {
    const field = issue.column === undefined || issue.field !== undefined ? undefined : fieldOf.get(issue.column);
    return field === undefined ? issue : { ...issue, field };
  };
}

/** Resolve the columns of `fields` for a file's headers. */
export function resolveColumns(headers: readonly string[], mapping: Mapping, fields: readonly MappedField[]): ResolvedColumns {
  const byKey = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) byKey.set(normalizeHeader(headers[i]!), i);
  const index: Record<string, number> = {};
  const header: Partial<Record<MappedField, string>> = {};
  const used = new Set<number>();
  const absent: ResolvedColumns["absent"] = [];
  for (const field of fields) {
    index[field] = -1;
    const column = mapping.columns[field];
    if (column === undefined) continue;
    const i = byKey.get(normalizeHeader(column));
    if (i === undefined) {
      absent.push({ field, column });
      continue;
    }
    index[field] = i;
    header[field] = headers[i]!;
    used.add(i);
  }
  const unknown = headers.filter((_, i) => !used.has(i));
  return { index, header, unknown, absent };
}
