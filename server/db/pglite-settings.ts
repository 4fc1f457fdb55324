import { PGlite } from "@electric-sql/pglite";

/**
 * PostgreSQL's shared buffers inside PGlite. PGlite's data directory gets initdb's default, 128 MB, allocated in the
 * WASM heap that lives in Linnet's process (WASM memory never shrinks): opening a database then grows the heap from
 * its initial 128 MiB to 189 MiB (226 MiB after the migrations), and publishing a 10,000-person company writes
 * through every buffer. At 32 MB the heap stays at its initial 128 MiB: 260 MiB RSS after opening a database instead
 * of 366 MiB, and about 100 MiB less after the bench's load. Reads: the hot ones are answered from Linnet's own caches
 * (SnapshotReader), and a buffer miss reads the data files from the OS page cache (PGlite's Node file system). The
 * bench's CPU per request on PGlite stayed within its noise (directory 58 µs against 56–72 before, individual 172
 * against 167–250, pay-statement 643 against 625–710), as did the publish (28–39 s against 29–41 s at similar machine load).
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

/** PGlite's own start parameters (single-user mode, no parallel workers, …) plus the settings above. */
export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}
