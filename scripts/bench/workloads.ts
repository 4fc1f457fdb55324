import type { SeededEmployer } from "./seed.js";

/** One benchmarked route: a fresh random request each time it is asked for one. */
export interface Workload {
  /** Short name printed in the table. */
  name: string;
  method: "GET" | "POST";
  /** The route's path without a query (the baseline server dispatches on it). */
  route: string;
  /** A random request: its path with query, and a JSON body for POST. */
  next(): { path: string; body?: string };
  /**
   * The same distribution for a generator outside Node (wrk's Lua script): GET `path` with `{n}` replaced by a
   * uniformly random integer in [0, n). Only workloads that have it can run under wrk.
   */
  pathTemplate?: { path: string; n: number };
  /** Extra request headers (the gzip workload's `accept-encoding`). */
  headers?: Record<string, string>;
}

/** What the official Node SDK sends on every request (its fetch does): the gzip workload sends the same. */
export const SDK_ACCEPT_ENCODING = "gzip, deflate";

/** The key the baseline server serves a request's fixtures under: method, path, and whether it asks for gzip. */
export function fixtureKey(method: string, route: string, acceptEncoding: string | undefined): string {
  return `${method} ${route}${acceptEncoding?.includes("gzip") ? " gzip" : ""}`;
}

const DIRECTORY_PAGE = 100;
const INDIVIDUALS_PER_BATCH = 100;
const PAYMENTS_PER_BATCH = 10;

/** A uniformly random integer in [0, n). */
export function randomInt(n: number): number {
  return Math.floor(Math.random() * n);
}

/** `count` distinct random items (all of them, shuffled, when there are fewer). */
function pick<T>(items: T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(randomInt(items.length));
  return [...chosen].map((i) => items[i]!);
}

/** The three workloads of the benchmark, drawing from the seeded employer's ids. */
export function workloads(seed: SeededEmployer): Workload[] {
  const people = seed.individualIds.length;
  return [
    {
      name: "directory",
      method: "GET",
      route: "/employer/directory",
      next: () => ({ path: `/employer/directory?limit=${DIRECTORY_PAGE}&offset=${randomInt(people - DIRECTORY_PAGE + 1)}` }),
      pathTemplate: { path: `/employer/directory?limit=${DIRECTORY_PAGE}&offset={n}`, n: people - DIRECTORY_PAGE + 1 },
    },
    {
      name: "individual",
      method: "POST",
      route: "/employer/individual",
      next: () => ({
        path: "/employer/individual",
        body: JSON.stringify({ requests: pick(seed.individualIds, INDIVIDUALS_PER_BATCH).map((id) => ({ individual_id: id })) }),
      }),
    },
    {
      name: "pay-statement",
      method: "POST",
      route: "/employer/pay-statement",
      next: () => ({
        path: "/employer/pay-statement",
        body: JSON.stringify({ requests: pick(seed.paymentIds, PAYMENTS_PER_BATCH).map((id) => ({ payment_id: id })) }),
      }),
    },
    {
      name: "pay-statement-gzip",
      method: "POST",
      route: "/employer/pay-statement",
      headers: { "accept-encoding": SDK_ACCEPT_ENCODING },
      next: () => ({
        path: "/employer/pay-statement",
        body: JSON.stringify({ requests: pick(seed.paymentIds, PAYMENTS_PER_BATCH).map((id) => ({ payment_id: id })) }),
      }),
    },
  ];
}

/** The workloads `BENCH_WORKLOADS` names (comma-separated), or all of them when it is unset. */
export function selectedWorkloads(seed: SeededEmployer): Workload[] {
  const only = process.env.BENCH_WORKLOADS?.split(",").map((w) => w.trim());
  return workloads(seed).filter((w) => !only || only.includes(w.name));
}
