import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { postWebhook } from "../../server/domain/webhooks/http-sender.js";
import { isPrivateAddress, publicOnlyLookup } from "../../server/domain/webhooks/private-addresses.js";
import type { ConsoleBrowser } from "../support/console.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { developerOf, webhooksPath } from "../support/webhooks.js";

/** A shared install (the default): webhooks may not be aimed at this machine or the network it runs in. */
let server: TestServer;
let app: CreatedApplication;
let dev: ConsoleBrowser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startTestServer({ LINNET_WEBHOOK_ALLOW_PRIVATE: "false" });
  app = await server.createApp({ clientType: "sandbox", name: "Guarded" });
  dev = await developerOf(server, app.client_id, "dev@guarded.example.com");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

describe("private webhook targets", () => {
  it("classifies addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.31.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "example.com"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it("refuses endpoints on loopback, private and link-local hosts, naming the setting", async () => {
    for (const url of [
      receiver.url,
      "https://localhost/hook",
      "https://10.0.0.5/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[fd12::1]/hook",
    ]) {
      const res = await dev.call("POST", webhooksPath(app.client_id), { body: { url } });
      expect(res.status, url).toBe(400);
      expect(String(res.body.message), url).toMatch(/^url: .*LINNET_WEBHOOK_ALLOW_PRIVATE=true/);
    }
    const listed = await dev.call<{ endpoints: unknown[] }>("GET", webhooksPath(app.client_id));
    expect(listed.body.endpoints).toEqual([]);
    expect((await dev.call("POST", webhooksPath(app.client_id), { body: { url: "https://hooks.example.com/linnet" } })).status).toBe(201);
  });

  it("refuses, at delivery, names that resolve to private addresses and address literals; allows them when configured", async () => {
    const port = new URL(receiver.url).port;
    const before = receiver.received.length;
    const byName = await postWebhook(`http://localhost:${port}/`, {}, "{}", { allowPrivate: false });
    expect(byName).toMatchObject({ error: expect.stringContaining("LINNET_WEBHOOK_ALLOW_PRIVATE") });
    const byLiteral = await postWebhook(`http://127.0.0.1:${port}/`, {}, "{}", { allowPrivate: false });
    expect(byLiteral).toMatchObject({ error: expect.stringContaining("LINNET_WEBHOOK_ALLOW_PRIVATE") });
    expect(receiver.received).toHaveLength(before);
    // an unparsable URL (stored before a rule changed, say) is an attempt error too, never a rejection
    await expect(postWebhook("not a url", {}, "{}", { allowPrivate: true })).resolves.toMatchObject({ error: "Invalid URL" });
    const allowed = await postWebhook(`http://localhost:${port}/`, {}, "{}", { allowPrivate: true });
    expect(allowed).toMatchObject({ statusCode: 200 });
  });

  it("the guarded lookup answers public names as dns.lookup would", async () => {
    const lookup = (host: string) =>
      new Promise<string>((resolve, reject) =>
        publicOnlyLookup(host, {}, (err, address) => (err ? reject(err) : resolve(String(address)))),
      );
    await expect(lookup("localhost")).rejects.toMatchObject({ code: "EPRIVATE" });
    await expect(lookup("93.184.216.34")).resolves.toBe("93.184.216.34");
  });
});
