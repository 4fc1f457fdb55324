/**
 * Where mapped records came from in the file. The mappers remember it beside the input object they return (not in
 * it, so the input stays exactly what gets published), and validation uses it to name rows and column headers.
 */
import type { MappedField } from "./mapping.js";

/** File rows and headers behind a mapped input. */
export interface RowOrigin {
  /** File row of each record: people in order, or pay statements in order across payments. */
  rows: number[];
  /** Field → the column header as the file writes it. */
  columns: Partial<Record<MappedField, string>>;
}

const origins = new WeakMap<object, RowOrigin>();

/** Remember where a mapped input came from. */
export function rememberOrigin(input: object, origin: RowOrigin): void {
  origins.set(input, origin);
}

/** Where an input came from, if a mapper made it. */
export function originOf(input: object): RowOrigin | undefined {
  return origins.get(input);
}
