import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got. */
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** A real HTTP receiver on 127.0.0.1 whose answer a test can change. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status code to answer next (default 200). */
  respond: (req: Omit<ReceivedWebhook, "status">) => number;
  /** Resolve once `count` requests have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Start a receiver. `down: true` refuses connections until `up()`. */
export async function startReceiver(): Promise<WebhookReceiver & { up(): Promise<void>; down(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const receiver = {
    url: "",
    received,
    respond: (_req: Omit<ReceivedWebhook, "status">) => 200,
    async waitFor(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`receiver got ${received.length} of ${count} webhooks`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received.slice(0, count);
    },
  } as WebhookReceiver & { up(): Promise<void>; down(): Promise<void> };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const hook = { headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") };
      const status = receiver.respond(hook);
      received.push({ ...hook, status });
      res.writeHead(status, { "content-type": "text/plain" }).end(status >= 400 ? `nope ${status}` : "ok");
    });
  });
  let port = 0;
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  await listen();
  port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${port}/hooks`;
  receiver.down = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  receiver.up = listen;
  receiver.close = receiver.down;
  return receiver;
}
