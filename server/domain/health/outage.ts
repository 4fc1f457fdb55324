/**
 * Whether an error means the database is unreachable (an outage: the client may retry, 503) rather than a bug. The
 * HTTP error handler asks this; the driver-level classification lives beside the pool, in `db/pool-errors.ts`.
 */
export { isDatabaseOutage } from "../../db/pool-errors.js";
