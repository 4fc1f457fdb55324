/**
 * What the ingestion columns hold (`mapping`, `report`, `diff` of uploads, templates, recipes and intake files).
 *
 * The shapes belong to the pure ingestion pipeline in server/domain/ingestion, and server/db imports nothing from the
 * layers above it (`npm run check:deps`). So this file declares an empty `IngestionShapes` interface and the pipeline
 * fills it in by declaration merging (`domain/ingestion/stored-shapes.ts`): the columns are typed with the domain's
 * own types while the import goes downward only.
 */

/** Filled in by domain/ingestion/stored-shapes.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: completed by declaration merging from the domain
export interface IngestionShapes {}

/** The shape stored under `K`, or `unknown` where nothing filled it in. */
type Shape<K extends string> = IngestionShapes extends Record<K, infer T> ? T : unknown;

/** A stored mapping: the mapping, and the name of the template it came from when it came from one. */
export type StoredMapping = Shape<"mapping">;
/** A stored validation report. */
export type ValidationReport = Shape<"report">;
/** A stored diff: a census's or a payroll register's. */
export type StoredDiff = Shape<"diff">;
