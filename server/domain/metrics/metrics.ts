import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../../db/client.js";
import { type OperationalCounts, readOperationalCounts } from "../../db/repositories/metrics.repository.js";

/** What domain code reports to Prometheus; absent from deps when `/metrics` is off, so nothing is measured. */
export interface Metrics {
  /** The prom-client registry `/metrics` renders. */
  registry: Registry;
  /** One HTTP request: the route pattern (never the raw URL), method, status and seconds. */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** One publish of a product group, successful or not. */
  observePublish(group: "org" | "pay", ok: boolean, seconds: number): void;
  /** The outcomes of a batch of webhook delivery attempts. */
  countWebhookAttempts(outcome: { delivered: number; retrying: number; failed: number }): void;
  /** Set the gauges read from the database just before rendering (null: the database did not answer). */
  setOperational(counts: OperationalCounts | null): void;
}

/** A registry of its own per running Linnet (tests run several in one process), with Node's default metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "linnet_" });
  const requests = new Histogram({
    name: "linnet_http_request_duration_seconds",
    help: "HTTP request latency by route pattern, method and status code",
    labelNames: ["route", "method", "status_code"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requestSeries = new Map<string, { observe(value: number): void }>();
  const publishes = new Histogram({
    name: "linnet_publish_duration_seconds",
    help: "Snapshot publish duration by product group (org, pay) and outcome",
    labelNames: ["group", "outcome"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const attempts = new Counter({
    name: "linnet_webhook_attempts_total",
    help: "Webhook delivery attempts made by this process, by outcome (delivered, retrying, failed)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const jobs = gauge("linnet_job_queue_jobs", "pg-boss jobs by queue and state (queued = created or retry; active)", ["queue", "state"]);
  const awaiting = gauge("linnet_webhook_events_awaiting_fan_out", "Domain events not yet turned into webhook envelopes");
  const pending = gauge("linnet_webhook_deliveries_pending", "Webhook outbox rows not delivered yet (enabled endpoints)");
  const endpoints = gauge("linnet_webhook_endpoints", "Webhook endpoints failing (every recent attempt failed) or disabled", ["state"]);
  const database = gauge("linnet_database_reachable", "1 when the last scrape's database counts succeeded, else 0");
  const tasks = gauge("linnet_assisted_tasks", "Open assisted-connection tasks, not yet due or overdue", ["state"]);
  return {
    registry,
    observeRequest(route, method, status, seconds) {
      // one labelled child per (route, method, status), found by one string key: prom-client's own label lookup
      // sorts and joins the label set on every observation
      const key = `${method} ${status} ${route}`;
      let child = requestSeries.get(key);
      if (!child) {
        if (requestSeries.size >= 10_000) requestSeries.clear();
        child = requests.labels(route, method, String(status));
        requestSeries.set(key, child);
      }
      child.observe(seconds);
    },
    observePublish: (group, ok, seconds) => publishes.observe({ group, outcome: ok ? "ok" : "error" }, seconds),
    countWebhookAttempts(outcome) {
      for (const key of ["delivered", "retrying", "failed"] as const) if (outcome[key]) attempts.inc({ outcome: key }, outcome[key]);
    },
    setOperational(counts) {
      database.set(counts ? 1 : 0);
      if (!counts) return;
      jobs.reset();
      for (const q of counts.jobs) {
        jobs.set({ queue: q.queue, state: "queued" }, q.queued);
        jobs.set({ queue: q.queue, state: "active" }, q.active);
      }
      awaiting.set(counts.eventsAwaitingFanOut);
      pending.set(counts.deliveriesPending);
      endpoints.set({ state: "failing" }, counts.endpointsFailing);
      endpoints.set({ state: "disabled" }, counts.endpointsDisabled);
      tasks.set({ state: "due" }, counts.tasksDue);
      tasks.set({ state: "overdue" }, counts.tasksOverdue);
    },
  };
}

/**
 * Set the database gauges from the database, just before a scrape renders them. When it does not answer they say
 * "unreachable" (the process series still render) and the failure is returned for the caller to log.
 */
export async function refreshOperationalGauges(metrics: Metrics, db: Db, now: Date): Promise<{ failed: unknown } | null> {
  try {
    metrics.setOperational(await readOperationalCounts(db, now));
    return null;
  } catch (err) {
    metrics.setOperational(null);
    return { failed: err };
  }
}
