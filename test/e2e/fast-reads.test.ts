import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/api/app.js";
import type { ZodApp } from "../../server/api/types.js";
import { http as call, connectEmployer, publishedPaymentIds } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The fast path for the hot reads (server/api/fast-reads/) must answer byte for byte as the Fastify routes do. One
 * Linnet with the fast path, and a second app on the same deps (same database, caches, token cache and clock)
 * without it; every request goes to both, and the raw answers are compared: status line, every header in order
 * (only `Date` and the random request id are masked), and body.
 */
let server: TestServer;
let plain: ZodApp;
let plainUrl = "";
let bearer = "";
let noSsnBearer = "";
let pendingBearer = "";
let ids: string[] = [];
let payBearer = "";
let paymentIds: string[] = [];

/** One raw answer: status line, headers as received (names and order), body. */
interface Raw {
  head: string;
  body: string;
}

function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      { method, headers: { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const lines = [`${res.statusCode} ${res.statusMessage}`];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i]!;
            const value = /^(date|finch-request-id)$/i.test(name) ? "*" : res.rawHeaders[i + 1]!;
            lines.push(`${name}: ${value}`);
          }
          resolve({ head: lines.join("\n"), body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const answered = () => server.linnet.app!.fastReads!.answered;

/** Send one request to both servers; expect identical answers, and say whether the fast path answered it. */
async function both(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ fast: Raw; viaFastPath: boolean }> {
  const before = answered();
  const fast = await raw(server.url, method, path, headers, body);
  const viaFastPath = answered() > before;
  const normal = await raw(plainUrl, method, path, headers, body);
  expect(fast.head, `${method} ${path}`).toBe(normal.head);
  expect(fast.body, `${method} ${path}`).toBe(normal.body);
  return { fast, viaFastPath };
}

const auth = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const json = (token: string) => auth(token, { "content-type": "application/json" });

beforeAll(async () => {
  server = await startTestServer({
    LINNET_RATE_LIMITS: "directory=40,individual=40,pay-statement=200",
    LINNET_METRICS_TOKEN: "metrics-token-for-the-test",
  });
  plain = await buildApp(server.linnet.deps, { logLevel: "silent", fastReads: false });
  await plain.listen({ port: 0, host: "127.0.0.1" });
  const address = plain.server.address();
  plainUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const app = await server.createApp({ clientType: "sandbox" });
  const sandbox = async (products: string[]) =>
    (
      await call<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
        basic: app,
        body: { provider_id: "sandbox_hris", employee_size: 5, products },
      })
    ).body.access_token;
  bearer = await sandbox(["company", "directory", "individual", "employment", "ssn"]);
  noSsnBearer = await sandbox(["directory", "individual"]);
  const developer = await server.createApp({ name: "Pending App" });
  pendingBearer = (
    await connectEmployer(server.url, developer, {
      products: ["directory", "individual"],
      choice: { provider_id: "ukg_pro", auth_method: "assisted", access_granted: false },
    })
  ).access_token;
  payBearer = (
    await call<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_payroll", employee_size: 12, products: ["company", "directory", "payment", "pay_statement"] },
    })
  ).body.access_token;
  paymentIds = await publishedPaymentIds(server.url, payBearer);
  const dir = await call<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer });
  ids = dir.body.individuals.map((p) => p.id);
  await call(plainUrl, "GET", "/employer/directory", { bearer }); // both limiters count the same requests
}, 120_000);
afterAll(async () => {
  await plain?.close();
  await server?.close();
});

describe("fast reads answer as the routes do", () => {
  it("directory pages, in every query form the fast path takes", async () => {
    for (const path of [
      "/employer/directory",
      "/employer/directory?limit=2",
      "/employer/directory?offset=1",
      "/employer/directory?limit=2&offset=1",
      "/employer/directory?offset=3&limit=2",
      "/employer/directory?limit=3&offset=99",
    ]) {
      const { fast, viaFastPath } = await both("GET", path, auth(bearer));
      expect(fast.head, path).toMatch(/^200 OK\n/);
      expect(viaFastPath, path).toBe(true);
    }
  });

  it("ETag and If-None-Match: 304 for a matching tag, 200 otherwise", async () => {
    const first = await both("GET", "/employer/directory?limit=2", auth(bearer));
    const etag = /\netag: (.*)/i.exec(first.fast.head)![1]!;
    const notModified = await both("GET", "/employer/directory?limit=2", auth(bearer, { "if-none-match": `"other", ${etag}` }));
    expect(notModified.fast.head).toMatch(/^304 /);
    expect(notModified.viaFastPath).toBe(true);
    expect((await both("GET", "/employer/directory?limit=2", auth(bearer, { "if-none-match": '"other"' }))).fast.head).toMatch(/^200 /);
  });

  it("individual batches, with unknown ids and SSNs asked for with and without the ssn product", async () => {
    const body = (extra: object = {}) =>
      JSON.stringify({
        requests: [...ids.slice(0, 3), "00000000-0000-4000-8000-000000000000"].map((id) => ({ individual_id: id })),
        ...extra,
      });
    for (const [token, text] of [
      [bearer, body()],
      [bearer, body({ options: { include: ["ssn"] } })],
      [bearer, body({ options: null, unknown_key: 1 })],
      [noSsnBearer, body({ options: { include: ["ssn"] } })],
    ] as const) {
      const { fast, viaFastPath } = await both("POST", "/employer/individual", json(token), text);
      expect(fast.head).toMatch(/^200 OK\n/);
      expect(viaFastPath).toBe(true);
    }
  });

  it("pay-statement batches, plain and gzip, with unknown payments, pages and offsets past the end", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const bodies = [
      { requests: [{ payment_id: paymentIds[0] }] },
      { requests: paymentIds.slice(0, 10).map((payment_id, i) => ({ payment_id, limit: 1 + i, offset: i % 3 })) },
      { requests: [{ payment_id: missing }, { payment_id: paymentIds[1], limit: 5000 }, { payment_id: paymentIds[2], offset: 9999 }] },
      { requests: [{ payment_id: missing }], options: { ignored: true } },
    ];
    for (const body of bodies) {
      for (const encoding of [{}, { "accept-encoding": "gzip, deflate" }, { "accept-encoding": "gzip;q=0" }] as Record<string, string>[]) {
        const { fast, viaFastPath } = await both(
          "POST",
          "/employer/pay-statement",
          { ...json(payBearer), ...encoding },
          JSON.stringify(body),
        );
        expect(fast.head).toMatch(/^200 OK\n/);
        expect(viaFastPath, JSON.stringify([body, encoding])).toBe(true);
      }
    }
    // what the fast path leaves to Fastify: too many payments, too large a page, a bad field, a query, a pending token
    for (const [path, body, token] of [
      ["/employer/pay-statement", { requests: Array.from({ length: 11 }, () => ({ payment_id: missing })) }, payBearer],
      ["/employer/pay-statement", { requests: [{ payment_id: paymentIds[0], limit: 5001 }] }, payBearer],
      ["/employer/pay-statement", { requests: [{ payment_id: paymentIds[0], offset: -1 }] }, payBearer],
      ["/employer/pay-statement", { requests: [{ payment_id: paymentIds[0], limit: 1.5 }] }, payBearer],
      ["/employer/pay-statement", { requests: [{ payment_id: "" }] }, payBearer],
      ["/employer/pay-statement", { requests: [] }, payBearer],
      ["/employer/pay-statement?entity_ids[]=x", { requests: [{ payment_id: paymentIds[0] }] }, payBearer],
      ["/employer/pay-statement", { requests: [{ payment_id: paymentIds[0] }] }, bearer], // no pay products: 403
    ] as const) {
      const { viaFastPath } = await both("POST", path, { ...json(token), "accept-encoding": "gzip" }, JSON.stringify(body));
      expect(viaFastPath, JSON.stringify(body)).toBe(false);
    }
    // with a pay statement item rule the answer is built per request by the route; without it, fast again
    const rule = await call<{ id: string }>(server.url, "POST", "/employer/pay-statement-item/rule", {
      bearer: payBearer,
      body: { conditions: [{ field: "name", operator: "equals", value: "Medical" }], attributes: { metadata: { tag: 1 } } },
    });
    expect(rule.status).toBe(201);
    const one = JSON.stringify({ requests: [{ payment_id: paymentIds[0] }] });
    expect((await both("POST", "/employer/pay-statement", { ...json(payBearer), "accept-encoding": "gzip" }, one)).viaFastPath).toBe(false);
    await call(server.url, "DELETE", `/employer/pay-statement-item/rule/${rule.body.id}`, { bearer: payBearer });
    expect((await both("POST", "/employer/pay-statement", { ...json(payBearer), "accept-encoding": "gzip" }, one)).viaFastPath).toBe(true);
  });

  it("everything else is Fastify's answer, untouched: errors, 202, entity_ids, odd queries and bodies", async () => {
    const cases: [string, string, Record<string, string>, string?][] = [
      ["GET", "/employer/directory", {}],
      ["GET", "/employer/directory", auth("not-a-token")],
      ["GET", "/employer/directory", auth(pendingBearer)],
      ["GET", "/employer/directory?limit=0", auth(bearer)],
      ["GET", "/employer/directory?limit=10001", auth(bearer)],
      ["GET", "/employer/directory?limit=2&limit=3", auth(bearer)],
      ["GET", "/employer/directory?entity_ids=x", auth(bearer)],
      ["GET", "/employer/directory", auth(bearer, { "finch-api-version": "yesterday" })],
      ["POST", "/employer/individual", json(bearer), "{not json"],
      ["POST", "/employer/individual", json(bearer), ""],
      ["POST", "/employer/individual", json(bearer), JSON.stringify({ requests: [{ individual_id: "" }] })],
      ["POST", "/employer/individual", json(bearer), JSON.stringify({ requests: "all" })],
      [
        "POST",
        "/employer/individual",
        json(bearer),
        JSON.stringify({ requests: [{ individual_id: ids[0] }], options: { include: "ssn" } }),
      ],
      ["POST", "/employer/individual", json(bearer), '{"requests":[],"__proto__":{"x":1}}'],
      ["POST", "/employer/individual", json(pendingBearer), JSON.stringify({ requests: [{ individual_id: ids[0] }] })],
      ["POST", "/employer/individual", json("not-a-token"), JSON.stringify({ requests: [{ individual_id: ids[0] }] })],
    ];
    for (const [method, path, headers, body] of cases) {
      const { viaFastPath } = await both(method, path, headers, body);
      expect(viaFastPath, `${method} ${path} ${body ?? ""}`).toBe(false);
    }
    // and after a body was handed back, the same connection still works on the fast path
    expect(
      (await both("POST", "/employer/individual", json(bearer), JSON.stringify({ requests: [{ individual_id: ids[0] }] }))).viaFastPath,
    ).toBe(true);
  });

  it("rate limits: the same headers while allowed, and the same 429 once refused", async () => {
    let refused: Raw | null = null;
    for (let i = 0; i < 60 && !refused; i++) {
      const { fast, viaFastPath } = await both("GET", "/employer/directory?limit=1", auth(bearer));
      if (fast.head.startsWith("429")) {
        refused = fast;
        expect(viaFastPath).toBe(true);
      }
    }
    expect(refused?.head).toMatch(/\nretry-after: \d+/i);
    expect(JSON.parse(refused!.body)).toMatchObject({ code: 429, finch_code: "finch_application_rl" });
    server.clock.advance(61_000);
    expect((await both("GET", "/employer/directory?limit=1", auth(bearer))).fast.head).toMatch(/^200 [\s\S]*\nx-ratelimit-remaining: \d+/i);
  });

  it("answers a read whose token, connection and snapshot are cached before the request event returns", async () => {
    // a listener added after the fast path's runs right after it: the answer is already written when it runs
    const ended: boolean[] = [];
    const listener = (_req: http.IncomingMessage, res: http.ServerResponse) => ended.push(res.writableEnded);
    server.linnet.app!.server.on("request", listener);
    try {
      await raw(server.url, "GET", "/employer/directory?limit=2", auth(bearer));
      await raw(server.url, "GET", "/employer/directory?limit=2&offset=1", auth(bearer));
      await raw(server.url, "POST", "/employer/individual", json(bearer), JSON.stringify({ requests: [{ individual_id: ids[0] }] }));
    } finally {
      server.linnet.app!.server.off("request", listener);
    }
    // the directory pages at once; the individual batch waits for its body, so it is answered later
    expect(ended).toEqual([true, true, false]);
  });

  it("a connection disconnected after fast answers is refused at once, not served from what was cached", async () => {
    const app = await server.createApp({ clientType: "sandbox" });
    const token = (
      await call<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
        basic: app,
        body: { provider_id: "sandbox_hris", employee_size: 3, products: ["directory"] },
      })
    ).body.access_token;
    for (let i = 0; i < 3; i++) expect((await both("GET", "/employer/directory?limit=1", auth(token))).viaFastPath).toBe(true);
    expect((await call(server.url, "POST", "/disconnect", { bearer: token })).status).toBe(200);
    const { fast, viaFastPath } = await both("GET", "/employer/directory?limit=1", auth(token));
    expect(fast.head).toMatch(/^401 /);
    expect(viaFastPath).toBe(false);
  });

  it("counts fast answers in the request metrics under the route pattern", async () => {
    const count = async (route: string, method: string) => {
      const res = await call(server.url, "GET", "/metrics", { bearer: "metrics-token-for-the-test" });
      const line = new RegExp(
        `linnet_http_request_duration_seconds_count\\{route="${route}",method="${method}",status_code="200"\\} (\\d+)`,
      ).exec(res.text);
      return Number(line?.[1] ?? 0);
    };
    const [directory, individual] = [await count("/employer/directory", "GET"), await count("/employer/individual", "POST")];
    const before = answered();
    await raw(server.url, "GET", "/employer/directory?limit=1&offset=2", auth(bearer));
    await raw(server.url, "POST", "/employer/individual", json(bearer), JSON.stringify({ requests: [{ individual_id: ids[1] }] }));
    expect(answered()).toBe(before + 2);
    expect(await count("/employer/directory", "GET")).toBe(directory + 1);
    expect(await count("/employer/individual", "POST")).toBe(individual + 1);
  });
});
