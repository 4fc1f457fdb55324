/**
 * The baseline: a bare `node:http` server, run as its own process, answering each benchmarked route with response
 * bodies captured from Linnet beforehand, one after another round-robin. It reads the request body before answering,
 * as Fastify does, and ignores what it says.
 *
 * Usage: node --import tsx scripts/bench/baseline-server.ts <fixtures.json>; prints `baseline listening on <port>`.
 */
import fs from "node:fs";
import http from "node:http";
import { fixtureKey } from "./workloads.js";

/** Captured answers per `fixtureKey` (workloads.ts), bodies in base64 as sent (gzip ones compressed). */
export type Fixtures = Record<string, { contentType: string; contentEncoding?: string; bodies: string[] }>;

/** Round-robin over the captured bodies of one route. */
interface RouteState {
  contentType: string;
  contentEncoding?: string;
  bodies: Buffer[];
  next: number;
}

/** Serve the fixtures on 127.0.0.1 at a free port. */
function serve(fixtures: Fixtures): void {
  const routes = new Map<string, RouteState>();
  for (const [key, f] of Object.entries(fixtures)) {
    routes.set(key, { ...f, bodies: f.bodies.map((b) => Buffer.from(b, "base64")), next: 0 });
  }
  const server = http.createServer((req, res) => {
    const route = routes.get(fixtureKey(req.method ?? "", (req.url ?? "/").split("?")[0]!, req.headers["accept-encoding"]));
    req.resume();
    req.on("end", () => {
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const body = route.bodies[route.next]!;
      route.next = (route.next + 1) % route.bodies.length;
      const encoding = route.contentEncoding ? { "content-encoding": route.contentEncoding } : {};
      res.writeHead(200, { "content-type": route.contentType, ...encoding, "content-length": body.length }).end(body);
    });
  });
  server.keepAliveTimeout = 72_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`baseline listening on ${typeof address === "object" && address ? address.port : "?"}`);
  });
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

const file = process.argv[2];
if (!file) {
  console.error("usage: baseline-server.ts <fixtures.json>");
  process.exit(2);
}
serve(JSON.parse(fs.readFileSync(file, "utf8")) as Fixtures);
