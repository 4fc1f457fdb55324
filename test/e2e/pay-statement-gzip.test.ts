import http from "node:http";
import zlib from "node:zlib";
import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http as call, publishedPaymentIds } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * `POST /employer/pay-statement` answers gzip to clients that accept it (the official SDK sends
 * `accept-encoding: gzip, deflate`), assembled from pages compressed once. Decompressed, the answer must be the
 * identity answer byte for byte, for any mix of pages, offsets and unknown payments.
 */
let server: TestServer;
let token: string;
let paymentIds: string[] = [];
const MISSING = "00000000-0000-4000-8000-000000000000";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(text)),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

beforeAll(async () => {
  server = await startTestServer();
  const app = await server.createApp({ clientType: "sandbox" });
  token = (
    await call<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: {
        provider_id: "sandbox_payroll",
        employee_size: 30,
        products: ["company", "directory", "individual", "payment", "pay_statement"],
      },
    })
  ).body.access_token;
  paymentIds = await publishedPaymentIds(server.url, token);
  expect(paymentIds.length).toBeGreaterThan(3);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("gzip pay-statement answers", () => {
  it("decompress to the identity answer byte for byte", async () => {
    const batches = [
      { requests: [{ payment_id: paymentIds[0] }] },
      { requests: paymentIds.slice(0, 3).map((payment_id) => ({ payment_id, limit: 7, offset: 2 })) },
      { requests: [{ payment_id: MISSING }, { payment_id: paymentIds[1], limit: 5000 }, { payment_id: paymentIds[2], offset: 9999 }] },
      { requests: [{ payment_id: MISSING }] },
    ];
    for (const batch of batches) {
      const plain = await post("/employer/pay-statement", batch);
      const gzipped = await post("/employer/pay-statement", batch, { "accept-encoding": "gzip, deflate" });
      expect(plain.status).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(gzipped.headers.vary).toBe("accept-encoding");
      expect(plain.headers.vary).toBe("accept-encoding");
      expect(gzipped.headers["content-type"]).toBe(plain.headers["content-type"]);
      expect(gzipped.headers["finch-data-retrieved"]).toBe(plain.headers["finch-data-retrieved"]);
      expect(Number(gzipped.headers["content-length"])).toBe(gzipped.body.length);
      expect(zlib.gunzipSync(gzipped.body).toString("utf8")).toBe(plain.body.toString("utf8"));
      // a second read comes from the cached compressed pages: the same bytes again
      const again = await post("/employer/pay-statement", batch, { "accept-encoding": "gzip" });
      expect(again.body.equals(gzipped.body)).toBe(true);
    }
  });

  it("compresses a large answer to a fraction of its size", async () => {
    const batch = { requests: paymentIds.slice(0, 10).map((payment_id) => ({ payment_id, limit: 5000 })) };
    const plain = await post("/employer/pay-statement", batch);
    const gzipped = await post("/employer/pay-statement", batch, { "accept-encoding": "gzip" });
    expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
  });

  it("answers identity when gzip is refused or not offered", async () => {
    const batch = { requests: [{ payment_id: paymentIds[0] }] };
    const plain = await post("/employer/pay-statement", batch);
    for (const refused of ["gzip;q=0", "identity", "br", "deflate;q=1, gzip;q=0", "*;q=0"]) {
      const res = await post("/employer/pay-statement", batch, { "accept-encoding": refused });
      expect(res.headers["content-encoding"], refused).toBeUndefined();
      expect(res.body.equals(plain.body), refused).toBe(true);
    }
    const star = await post("/employer/pay-statement", batch, { "accept-encoding": "*" });
    expect(star.headers["content-encoding"]).toBe("gzip");
  });

  it("errors stay plain JSON", async () => {
    const tooMany = await post(
      "/employer/pay-statement",
      { requests: Array.from({ length: 11 }, () => ({ payment_id: MISSING })) },
      { "accept-encoding": "gzip" },
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(tooMany.body.toString("utf8"))).toMatchObject({ finch_code: "batch_limit_exceeded" });
  });

  it("the official SDK reads the gzip answers as it reads plain ones", async () => {
    const finch = new Finch({ baseURL: server.url, accessToken: token, maxRetries: 0 });
    const pages = [];
    for await (const r of finch.hris.payStatements.retrieveMany({ requests: paymentIds.slice(0, 2).map((payment_id) => ({ payment_id })) }))
      pages.push(r);
    const plain = JSON.parse(
      (await post("/employer/pay-statement", { requests: paymentIds.slice(0, 2).map((payment_id) => ({ payment_id })) })).body.toString(
        "utf8",
      ),
    ) as { responses: unknown[] };
    expect(pages).toEqual(plain.responses);
  });

  it("with pay statement item rules the answer is built per request, and not compressed", async () => {
    const finch = new Finch({ baseURL: server.url, accessToken: token, maxRetries: 0 });
    const rule = await finch.hris.payStatementItem.rules.create({
      conditions: [{ field: "name", operator: "equals", value: "Medical" }],
      attributes: { metadata: { label: "health" } },
      entity_type: "pay_statement_item",
    });
    try {
      const res = await post("/employer/pay-statement", { requests: [{ payment_id: paymentIds[0] }] }, { "accept-encoding": "gzip" });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.body.toString("utf8")).toContain('"label":"health"');
    } finally {
      await finch.hris.payStatementItem.rules.delete(rule.id!);
    }
  });
});
