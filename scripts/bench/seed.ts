import type { LinnetProcess } from "./linnet-process.js";

/** A seeded sandbox employer and the ids the workloads draw from. */
export interface SeededEmployer {
  accessToken: string;
  individualIds: string[];
  paymentIds: string[];
  /** Until `POST /sandbox/connections` answered. */
  connectMs: number;
  /** Until the pay history was published (`/employer/payment` answered 200). */
  publishedMs: number;
}

/** How many people the sandbox company has. */
export const EMPLOYEE_SIZE = 10_000;
const PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"];
/** The whole pay history, whatever its dates. */
export const ALL_PAYMENTS_PATH = "/employer/payment?start_date=2000-01-01&end_date=2100-01-01";
const PUBLISH_TIMEOUT_MS = 15 * 60_000;

/** `fetch` a Linnet path with a bearer token; throws unless the status is one of `expect`. */
export async function bearerFetch(baseUrl: string, token: string, path: string, init: RequestInit = {}, expect = [200]): Promise<Response> {
  const headers = { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}) };
  const res = await fetch(baseUrl + path, { ...init, headers });
  if (!expect.includes(res.status)) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return res;
}

/** Create the sandbox connection, wait for its pay history, and collect every individual and payment id. */
export async function seedEmployer(linnet: LinnetProcess, log: (line: string) => void, size = EMPLOYEE_SIZE): Promise<SeededEmployer> {
  const started = performance.now();
  const basic = Buffer.from(`${linnet.clientId}:${linnet.clientSecret}`).toString("base64");
  const res = await fetch(`${linnet.url}/sandbox/connections`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
    body: JSON.stringify({ provider_id: "sandbox_payroll", employee_size: size, products: PRODUCTS }),
  });
  if (res.status !== 200) throw new Error(`POST /sandbox/connections: ${res.status} ${await res.text()}`);
  const { access_token: accessToken } = (await res.json()) as { access_token: string };
  const connectMs = performance.now() - started;
  log(`sandbox connection created in ${(connectMs / 1000).toFixed(1)} s; waiting for the pay history…`);

  let lastReport = performance.now();
  for (;;) {
    const directory = await bearerFetch(linnet.url, accessToken, "/employer/directory?limit=1", {}, [200, 202]);
    const payments = await bearerFetch(linnet.url, accessToken, ALL_PAYMENTS_PATH, {}, [200, 202]);
    if (directory.status === 200 && payments.status === 200) {
      const publishedMs = performance.now() - started;
      const ids = await collectIds(linnet.url, accessToken, (await payments.json()) as { id: string }[], size);
      return { accessToken, ...ids, connectMs, publishedMs };
    }
    await Promise.all([directory.body?.cancel(), payments.body?.cancel()]);
    if (performance.now() - started > PUBLISH_TIMEOUT_MS)
      throw new Error(`pay history not published after ${PUBLISH_TIMEOUT_MS / 60_000} minutes`);
    if (performance.now() - lastReport > 30_000) {
      log(`  still 202 after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      lastReport = performance.now();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Every directory id (pages of 10,000, the API's most) and every payment id. */
async function collectIds(baseUrl: string, token: string, payments: { id: string }[], size: number) {
  const individualIds: string[] = [];
  while (individualIds.length < size) {
    const res = await bearerFetch(baseUrl, token, `/employer/directory?limit=10000&offset=${individualIds.length}`);
    const page = (await res.json()) as { individuals: { id: string }[] };
    if (page.individuals.length === 0) break;
    individualIds.push(...page.individuals.map((p) => p.id));
  }
  if (individualIds.length !== size) throw new Error(`directory has ${individualIds.length} people, expected ${size}`);
  if (payments.length === 0) throw new Error("the pay history has no payments");
  return { individualIds, paymentIds: payments.map((p) => p.id) };
}
