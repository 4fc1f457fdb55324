import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyList, CreatedApiKey, SessionResponse } from "../../contracts/linnet/console-auth.js";
import { purgeIdleSignInFailures } from "../../server/domain/auth/sign-in.js";
import { createUser } from "../../server/domain/users/create-user.js";
import { type HttpResult, http, type RequestOptions } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
const PASSWORD = "correct horse battery";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A JSON ingest with empty data: past the console guard, `POST /ops/api/ingest` refuses it (400) and publishes nothing. */
const INGEST_NOTHING = { connection_id: "00000000-0000-4000-8000-000000000000", group: "org", data: {} };

/** A signed-in browser: its cookie and CSRF token. */
interface Browser {
  cookie: string;
  csrf: string;
}

async function addUser(email: string, role: "admin" | "operator" | "developer"): Promise<void> {
  const created = await createUser(server.linnet.deps, { email, password: PASSWORD, role });
  if (!created.ok) throw created.error;
}

/** Sign in from a client address (sent as X-Forwarded-For: the test server's loopback peer is a trusted proxy). */
function signInAs(email: string, password = PASSWORD, from = "198.51.100.1"): Promise<HttpResult<SessionResponse>> {
  return http<SessionResponse>(server.url, "POST", "/console/api/session", {
    body: { email, password },
    headers: { "x-forwarded-for": from },
  });
}

async function browserFor(email: string): Promise<Browser> {
  const res = await signInAs(email);
  expect(res.status).toBe(200);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { cookie, csrf: res.body.csrf_token };
}

/** A request carrying the browser's cookie (and its CSRF token unless told otherwise). */
function asBrowser<T = Record<string, unknown>>(
  b: Browser,
  method: string,
  path: string,
  opts: RequestOptions & { csrf?: string | null } = {},
) {
  const csrf = opts.csrf === undefined ? b.csrf : opts.csrf;
  return http<T>(server.url, method, path, {
    ...opts,
    headers: { cookie: b.cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...opts.headers },
  });
}

async function rowsOf(table: "console_sessions" | "operator_api_keys"): Promise<string> {
  const result = (await server.linnet.deps.db.execute(sql.raw(`select row_to_json(t)::text as j from ${table} t`))) as unknown as {
    rows: { j: string }[];
  };
  return result.rows.map((r) => r.j).join("\n");
}

beforeAll(async () => {
  server = await startTestServer();
  await addUser("ops@example.com", "operator");
  await addUser("admin@example.com", "admin");
  await addUser("dev@example.com", "developer");
  await addUser("locked@example.com", "operator");
  await addUser("old@example.com", "operator");
});
afterAll(() => server.close());

describe("signing in", () => {
  it("sets an HttpOnly SameSite=Strict cookie that GET session accepts", async () => {
    const res = await signInAs("OPS@example.com");
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: "ops@example.com", role: "operator" });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^linnet_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain("Max-Age=604800");
    expect(setCookie).not.toContain("Secure"); // the test server's public URL is http
    const browser = { cookie: setCookie.split(";")[0]!, csrf: res.body.csrf_token };
    const session = await asBrowser<SessionResponse>(browser, "GET", "/console/api/session", { csrf: null });
    expect(session.status).toBe(200);
    expect(session.body).toEqual(res.body); // the same CSRF token is given again after a reload
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const wrong = await signInAs("admin@example.com", "not the password");
    const unknown = await signInAs("nobody@example.com", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 401, finch_code: "unauthorized", message: "Incorrect email or password" });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("answers 401 without a cookie and 400 for a body without a password", async () => {
    expect((await http(server.url, "GET", "/console/api/session")).status).toBe(401);
    const bad = await http(server.url, "POST", "/console/api/session", { body: { email: "ops@example.com" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ finch_code: "invalid_request" });
  });

  it("locks an account for 15 minutes after 5 failures, for the client address that made them only", async () => {
    const guesser = "198.51.100.10";
    for (let i = 0; i < 4; i++) expect((await signInAs("locked@example.com", "wrong password", guesser)).status).toBe(401);
    const fifth = await signInAs("locked@example.com", "wrong password", guesser);
    expect(fifth.status).toBe(429);
    const refused = await signInAs("locked@example.com", PASSWORD, guesser);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      finch_code: "finch_application_rl",
      message: "Too many failed sign-ins; try again in 15 minutes",
    });
    expect(refused.headers.get("retry-after")).toBe("900");
    expect(refused.headers.get("set-cookie")).toBeNull();
    // the owner, from an address with no failures, is not locked out of their own account
    expect((await signInAs("locked@example.com", PASSWORD, "203.0.113.7")).status).toBe(200);
    server.clock.advance(15 * MINUTE);
    expect((await signInAs("locked@example.com", PASSWORD, guesser)).status).toBe(200);
    // success reset the count: four more failures do not lock
    for (let i = 0; i < 4; i++) expect((await signInAs("locked@example.com", "wrong password", guesser)).status).toBe(401);
    expect((await signInAs("locked@example.com", PASSWORD, guesser)).status).toBe(200);
  });

  it("locks an address with no account the same way, so the lockout does not reveal which accounts exist", async () => {
    const from = "198.51.100.20";
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const res = await signInAs(i % 2 ? "Ghost@Example.com " : "ghost@example.com", "any password", from);
      answers.push([res.status, (res.body as unknown as { message: string }).message, res.headers.get("retry-after")]);
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill([401, "Incorrect email or password", null]));
    expect(answers.slice(4)).toEqual(Array(2).fill([429, "Too many failed sign-ins; try again in 15 minutes", "900"]));
    const stored = (await server.linnet.deps.db.execute(sql`select row_to_json(t)::text as j from sign_in_failures t`)) as unknown as {
      rows: { j: string }[];
    };
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain("ghost");
    expect(JSON.stringify(stored.rows)).not.toContain("198.51.100");
    server.clock.advance(15 * MINUTE);
    expect((await signInAs("ghost@example.com", "any password", from)).status).toBe(401);
    server.clock.advance(DAY);
    expect(await purgeIdleSignInFailures(server.linnet.deps)).toBeGreaterThanOrEqual(1);
    expect(await purgeIdleSignInFailures(server.linnet.deps)).toBe(0);
  });

  it("locks a client address out of every sign-in after 10 failures within 15 minutes, whatever the accounts", async () => {
    const sprayer = "198.51.100.30";
    const statuses = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await signInAs(i % 3 === 0 ? "admin@example.com" : `spray-${i}@example.com`, "Winter2026!", sprayer)).status);
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
    const next = await signInAs("someone-else@example.com", "Winter2026!", sprayer);
    expect(next.status).toBe(429);
    expect(next.body).toMatchObject({
      finch_code: "finch_application_rl",
      message: "Too many failed sign-ins from your network; try again in 15 minutes",
    });
    expect(next.headers.get("retry-after")).toBe("900");
    // even a correct password is refused from that client, and accepted from any other
    expect((await signInAs("admin@example.com", PASSWORD, sprayer)).status).toBe(429);
    expect((await signInAs("admin@example.com", PASSWORD, "203.0.113.8")).status).toBe(200);
    server.clock.advance(15 * MINUTE);
    expect((await signInAs("admin@example.com", PASSWORD, sprayer)).status).toBe(200);
  });

  it("counts a client's failures per window: 9 failures, a pause of 15 minutes, 9 more lock nothing", async () => {
    const slow = "198.51.100.40";
    for (let i = 0; i < 9; i++) expect((await signInAs(`slow-${i % 4}@example.com`, "guess", slow)).status).toBe(401);
    server.clock.advance(15 * MINUTE);
    for (let i = 0; i < 9; i++) expect((await signInAs(`slow-${4 + (i % 4)}@example.com`, "guess", slow)).status).toBe(401);
  });
});

describe("sessions", () => {
  it("signing out invalidates the session and clears the cookie", async () => {
    const browser = await browserFor("ops@example.com");
    expect((await asBrowser(browser, "DELETE", "/console/api/session", { csrf: null })).status).toBe(403);
    const out = await asBrowser(browser, "DELETE", "/console/api/session");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^linnet_session=; .*Max-Age=0/);
    expect((await asBrowser(browser, "GET", "/console/api/session")).status).toBe(401);
  });

  it("refuses a session after 12 idle hours, or after 7 days however active", async () => {
    const idle = await browserFor("old@example.com");
    server.clock.advance(12 * 60 * MINUTE);
    expect((await asBrowser(idle, "GET", "/console/api/session")).status).toBe(401);

    const active = await browserFor("old@example.com");
    const STEP = 11 * 60 * MINUTE; // a request every 11 hours keeps it from idling out
    for (let elapsed = STEP; elapsed < 7 * DAY; elapsed += STEP) {
      server.clock.advance(STEP);
      expect((await asBrowser(active, "GET", "/console/api/session")).status).toBe(200);
    }
    server.clock.advance(7 * DAY - 15 * STEP); // exactly 7 days after sign-in
    const expired = await asBrowser(active, "GET", "/console/api/session");
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ finch_code: "unauthorized" });
  });
});

describe("protected console calls", () => {
  it("refuses a developer (403) and anyone without a session (401)", async () => {
    const dev = await browserFor("dev@example.com");
    const refused = await asBrowser(dev, "GET", "/console/api/whoami");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ finch_code: "insufficient_scope" });
    expect((await http(server.url, "GET", "/console/api/whoami")).status).toBe(401);
    const admin = await browserFor("admin@example.com");
    expect((await asBrowser(admin, "GET", "/console/api/whoami")).body).toMatchObject({ user: { role: "admin" }, via: "session" });
  });

  it("requires the session's CSRF token on unsafe methods", async () => {
    const ops = await browserFor("ops@example.com");
    const other = await browserFor("admin@example.com");
    // a real ops.write route; its empty data is refused by the route itself, so a 400 means the guard let it through
    const body = INGEST_NOTHING;
    for (const csrf of [null, "nope", other.csrf]) {
      const refused = await asBrowser(ops, "POST", "/ops/api/ingest", { body, csrf });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ finch_code: "insufficient_scope", message: "Missing or invalid CSRF token" });
    }
    const passed = await asBrowser(ops, "POST", "/ops/api/ingest", { body });
    expect(passed.status).toBe(400);
    expect(passed.body).toMatchObject({ finch_code: "invalid_request", message: expect.stringMatching(/^data\./) });
  });
});

describe("operator API keys", () => {
  it("are shown once, work without CSRF, list without the secret, and stop working when revoked", async () => {
    const ops = await browserFor("ops@example.com");
    expect((await asBrowser(ops, "POST", "/console/api/api-keys", { body: { name: "ingest" }, csrf: null })).status).toBe(403);
    const created = await asBrowser<CreatedApiKey>(ops, "POST", "/console/api/api-keys", { body: { name: "ingest script" } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^lop_[A-Za-z0-9_-]{43}$/);
    const key = created.body.key;

    const passed = await http(server.url, "POST", "/ops/api/ingest", { bearer: key, body: INGEST_NOTHING });
    expect(passed.status).toBe(400); // past the guard (no CSRF with a key), refused by the route: the data is empty
    expect(passed.body).toMatchObject({ finch_code: "invalid_request", message: expect.stringMatching(/^data\./) });
    expect((await http(server.url, "GET", "/console/api/whoami", { bearer: key })).body).toMatchObject({
      via: "api_key",
      user: { email: "ops@example.com" },
    });
    // a key cannot manage keys: that needs the session
    expect((await http(server.url, "GET", "/console/api/api-keys", { bearer: key })).status).toBe(401);

    const list = await asBrowser<ApiKeyList>(ops, "GET", "/console/api/api-keys");
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ id: created.body.id, name: "ingest script", revoked_at: null });
    expect(list.body.data[0]!.last_used_at).not.toBeNull();
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(key.slice(4));

    const dev = await browserFor("dev@example.com");
    expect((await asBrowser(dev, "POST", "/console/api/api-keys", { body: { name: "x" } })).status).toBe(403);
    expect((await asBrowser(dev, "DELETE", `/console/api/api-keys/${created.body.id}`)).status).toBe(403);

    expect((await asBrowser(ops, "DELETE", `/console/api/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await http(server.url, "POST", "/ops/api/ingest", { bearer: key, body: INGEST_NOTHING });
    expect(revoked.status).toBe(401);
    expect((await http(server.url, "POST", "/ops/api/ingest", { bearer: "lop_made_up", body: INGEST_NOTHING })).status).toBe(401);
    const after = await asBrowser<ApiKeyList>(ops, "GET", "/console/api/api-keys");
    expect(after.body.data[0]!.revoked_at).not.toBeNull();
  });

  it("keeps a user's API key working while someone guesses their password", async () => {
    await addUser("scripted@example.com", "operator");
    const ops = await browserFor("scripted@example.com");
    const { body } = await asBrowser<CreatedApiKey>(ops, "POST", "/console/api/api-keys", { body: { name: "nightly" } });
    expect((await http(server.url, "GET", "/console/api/whoami", { bearer: body.key })).status).toBe(200);
    for (let i = 0; i < 5; i++) await signInAs("scripted@example.com", "wrong password", "198.51.100.50");
    expect((await signInAs("scripted@example.com", PASSWORD, "198.51.100.50")).status).toBe(429);
    expect((await http(server.url, "GET", "/console/api/whoami", { bearer: body.key })).status).toBe(200);
  });
});

describe("secrets at rest", () => {
  it("stores no session token, CSRF token or API key in clear", async () => {
    const res = await signInAs("admin@example.com");
    const token = (res.headers.get("set-cookie") ?? "").split(";")[0]!.slice("linnet_session=".length);
    const browser = { cookie: `linnet_session=${token}`, csrf: res.body.csrf_token };
    const { body } = await asBrowser<CreatedApiKey>(browser, "POST", "/console/api/api-keys", { body: { name: "at rest" } });
    const sessions = await rowsOf("console_sessions");
    const keys = await rowsOf("operator_api_keys");
    expect(sessions).toContain(res.body.user.id); // the rows are there, so the checks below are not vacuous
    expect(keys).toContain(body.id);
    for (const secret of [token, res.body.csrf_token, body.key, body.key.slice(4)]) {
      expect(sessions).not.toContain(secret);
      expect(keys).not.toContain(secret);
    }
  });
});
