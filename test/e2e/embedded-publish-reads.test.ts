import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  type EmbeddedServe,
  embeddedDatabaseUrl,
  embeddedDataDir,
  firstStartBasic,
  sandboxToken,
  startEmbeddedServe,
} from "../support/embedded-serve.js";
import { pollUntil } from "../support/processes.js";

/**
 * Issue 11: the publish that stalled every read on PGlite for ~65 s (20,000 people). The order is what this test
 * holds, and a 5,000-person pay history (about 130,000 statements) already publishes for many seconds, so it keeps the
 * suite short; `npm run bench:stall` measures the 20,000-person publish and the read latency during it.
 */
const PEOPLE = 5_000;
const PAY = ["company", "directory", "individual", "employment", "payment", "pay_statement"];
const ALL_PAYMENTS = "/employer/payment?start_date=2000-01-01&end_date=2100-01-01";

let serve: EmbeddedServe | undefined;
afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill("SIGTERM");
    await serve.exited;
  }
});

const get = (url: string, token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

// the embedded mode only: the PostgreSQL (DATABASE_URL) and PGlite runs of the suite skip it
describe.skipIf(Boolean(process.env.DATABASE_URL) || process.env.LINNET_TEST_ENGINE === "pglite")(
  "the default database during a large publish",
  () => {
    it(`reads issued while a ${PEOPLE.toLocaleString("en-US")}-person pay publish runs complete before it does`, async () => {
      serve = await startEmbeddedServe(embeddedDataDir());
      const basic = firstStartBasic(serve.output());
      const reader = await sandboxToken(serve.url, basic, { provider_id: "sandbox_hris", employee_size: 5 });
      const big = await sandboxToken(serve.url, basic, { provider_id: "sandbox_payroll", employee_size: PEOPLE, products: PAY });

      const db = new pg.Client({ connectionString: embeddedDatabaseUrl(serve.dataDir) });
      await db.connect();
      try {
        const publishState = async () =>
          (
            await db.query<{ state: string }>(
              "SELECT state FROM pgboss.job WHERE name = 'sandbox-initial-pay' ORDER BY created_on DESC LIMIT 1",
            )
          ).rows[0]?.state;
        await pollUntil(
          "the pay publish job to be running",
          async () => ((await publishState()) === "active" ? true : undefined),
          300_000,
          20,
        );

        // three reads one after another, each issued and answered while the publish job is still running
        for (let i = 0; i < 3; i++) {
          const res = await get(`${serve.url}/employer/directory`, reader);
          expect(res.status).toBe(200);
          expect(((await res.json()) as { paging: { count: number } }).paging.count).toBe(5);
          expect(await publishState()).toBe("active");
          expect((await get(`${serve.url}${ALL_PAYMENTS}`, big)).status).toBe(202);
        }

        // and the publish itself completes
        await pollUntil(
          "the pay history to be published",
          async () => ((await get(`${serve!.url}${ALL_PAYMENTS}`, big)).status === 200 ? true : undefined),
          900_000,
          2000,
        );
        expect(await publishState()).toBe("completed");
      } finally {
        await db.end();
      }
    }, 1_500_000);
  },
);
