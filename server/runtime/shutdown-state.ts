/**
 * Whether this process is stopping (SIGTERM received). Set once by the signal handler of `linnet serve`; read by the
 * request hook (new requests get 503 with Retry-After) and by a readiness check, so a load balancer takes the process
 * out of rotation while in-flight requests finish. One flag per OS process: tests that start several Linnets in one
 * process never set it.
 */
let shuttingDown = false;

/** True once a graceful stop has begun. */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

/** Mark the process as stopping (not ready). */
export function beginShutdown(): void {
  shuttingDown = true;
}
