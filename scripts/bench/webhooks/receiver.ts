import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local webhook receiver that counts what it got, per event id, and can fail every other request for a while. */
export interface BenchReceiver {
  url: string;
  /** Requests answered 2xx, per `finch-event-id`. */
  delivered: Map<string, number>;
  /** Requests answered 503. */
  refused: number;
  /** While true, every second request answers 503. */
  failHalf: boolean;
  /** Time of the last 2xx answer (performance.now()). */
  lastDeliveredAt: number;
  reset(): void;
  close(): Promise<void>;
}

/** Start the receiver on 127.0.0.1. */
export async function startBenchReceiver(): Promise<BenchReceiver> {
  let requests = 0;
  const r: BenchReceiver = {
    url: "",
    delivered: new Map(),
    refused: 0,
    failHalf: false,
    lastDeliveredAt: 0,
    reset() {
      r.delivered = new Map();
      r.refused = 0;
      requests = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    req.resume();
    req.on("end", () => {
      requests += 1;
      if (r.failHalf && requests % 2 === 0) {
        r.refused += 1;
        res.writeHead(503).end("busy");
        return;
      }
      const id = String(req.headers["finch-event-id"]);
      r.delivered.set(id, (r.delivered.get(id) ?? 0) + 1);
      r.lastDeliveredAt = performance.now();
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return r;
}
