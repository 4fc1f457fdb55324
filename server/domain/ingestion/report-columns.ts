/** Column-level findings shared by the census and register mappers: unknown, absent and unmapped columns. */
import type { IssueCollector } from "./issues.js";
import type { MappedField, Mapping } from "./mapping.js";
import type { ResolvedColumns } from "./resolve-columns.js";

/** Which fields a group cannot do without, and which an operator would expect. */
export interface ColumnExpectations {
  /** Without these no row can be read: their absence is an error. */
  blocking: readonly MappedField[];
  /** Their absence is a warning. */
  expected: readonly MappedField[];
}

/** Warn about file columns no field uses and about fields the mapping or the file leaves out. */
export function reportColumns(columns: ResolvedColumns, mapping: Mapping, want: ColumnExpectations, issues: IssueCollector): void {
  for (const column of columns.unknown) {
    issues.warning("unknown_column", `The column "${column}" is not mapped to any field; its values are ignored`, undefined, column);
  }
  for (const { field, column } of columns.absent) {
    const message = `The mapping expects a column "${column}" for ${field}, but the file has none`;
    if (want.blocking.includes(field))
      issues.error("missing_column", `${message}; no row can be read without it`, undefined, column, field);
    else issues.warning("missing_column", message, undefined, column, field);
  }
  for (const field of want.blocking) {
    if (mapping.columns[field] === undefined)
      issues.error("missing_column", `The mapping has no column for ${field}; no row can be read without it`, undefined, undefined, field);
  }
  for (const field of want.expected) {
    if (mapping.columns[field] === undefined)
      issues.warning("missing_optional_field", `The mapping has no column for ${field}; it is left empty`, undefined, undefined, field);
  }
}

/** True when every blocking field has a column in the file. */
export function hasBlockingColumns(columns: ResolvedColumns, want: ColumnExpectations): boolean {
  return want.blocking.every((field) => columns.index[field]! >= 0);
}
