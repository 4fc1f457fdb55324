import { addApplicationMember } from "../../server/domain/applications/members.js";
import { type ConsoleBrowser, signInConsole } from "./console.js";
import type { TestServer } from "./test-server.js";

/** A developer signed in to the dashboard, member of one application. */
export async function developerOf(server: TestServer, applicationId: string, email: string): Promise<ConsoleBrowser> {
  const dev = await signInConsole(server, email, "developer");
  const added = await addApplicationMember(server.linnet.deps, { userId: dev.userId, applicationId });
  if (!added.ok) throw added.error;
  return dev;
}

/** The dashboard webhooks API path of an application. */
export const webhooksPath = (applicationId: string, rest = "") => `/dashboard/api/applications/${applicationId}/webhooks${rest}`;

/** Create an endpoint; returns its id and secret. */
export async function createEndpoint(
  dev: ConsoleBrowser,
  applicationId: string,
  url: string,
  eventTypes: string[] = [],
): Promise<{ id: string; secret: string }> {
  const res = await dev.call<{ id: string; secret: string }>("POST", webhooksPath(applicationId), {
    body: { url, event_types: eventTypes },
  });
  if (res.status !== 201) throw new Error(`create endpoint: ${res.status} ${res.text}`);
  return res.body;
}
