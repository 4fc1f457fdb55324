import v8 from "node:v8";

/** How far V8 lets its heap grow past the live data before the next full collection, in percent (see below). */
export const PGLITE_HEAP_GROWING_PERCENT = 50;

/**
 * On PGlite, bound how far V8's heap grows beyond its live data. There the pay publish of a sandbox company runs in
 * the server's own process (PGlite has one connection, so there is no worker child), and it allocates fast: V8 then
 * sets the next full collection at up to 4× the live data (its dynamic growing factor), about 700 MiB of heap for
 * 140–180 MiB live while a 10,000-person history is written, and the heap stays that large after the publish, as
 * the reads that follow never allocate enough to reach that limit. Measured (`npm run bench:api`, PGlite, 10,000
 * people): the live heap after the publish is about 90 MiB, yet the server's RSS was 940–1,020 MiB; with a fixed
 * 1.5× factor it was 660–680 MiB (still with 128 MB of shared buffers, see db/pglite-settings.ts), and the publish's
 * heap stayed under ~360 MiB instead of ~700 MiB. The price is more frequent full collections, each 10–25 ms of mostly incremental
 * marking. V8 reads this flag at every collection, so setting it at run time takes effect; the embedded server and
 * `DATABASE_URL` keep V8's defaults (their publishes run in the worker child).
 */
export function boundHeapGrowthOnPglite(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${PGLITE_HEAP_GROWING_PERCENT}`);
}
