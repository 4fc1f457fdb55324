import { randomUUID } from "node:crypto";
import type { ConnectFlow, FlowProvider } from "../../../contracts/linnet/connect-flow.js";
import { findApplication } from "../../db/repositories/applications.repository.js";
import { findSession, insertSession, type SessionRow, setSessionState } from "../../db/repositories/sessions.repository.js";
import type { CatalogProvider } from "../catalog/catalog.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { checkRequestedProducts, unsupportedProducts } from "./product-rules.js";

/** Legacy static links live one day: long enough to finish, short enough not to linger. */
const LEGACY_SESSION_MINUTES = 24 * 60;

/** A session that may still be completed, or why not. */
export async function usableSession(deps: Deps, sessionId: string): Promise<Result<SessionRow>> {
  const session = isUuid(sessionId) ? await findSession(deps.db, sessionId) : undefined;
  if (!session) return fail("not_found", "This Connect link is not valid. Ask the application for a new one.");
  if (session.completedAt) return fail("session_completed", "This Connect link was already used. Ask the application for a new one.");
  if (session.expiresAt <= deps.clock.now())
    return fail("session_expired", "This Connect link has expired. Ask the application for a new one.");
  return ok(session);
}

/** How a provider appears in the Connect selector. */
export function toFlowProvider(p: CatalogProvider, requested: readonly string[]): FlowProvider {
  return {
    id: p.id,
    display_name: p.display_name,
    category: p.category,
    primary_color: p.primary_color,
    products: [...p.products],
    auth_method: p.kind === "assisted" ? "assisted" : p.auth_method,
    pay_enabled: p.pay_enabled,
    unsupported_products: unsupportedProducts(requested, p),
  };
}

/** Origin that embedded-mode messages go to, from `sdk_host_url`. */
function embedOrigin(query: Record<string, string>): Result<string | null> {
  if (query.app_type !== "spa") return ok(null);
  const raw = query.sdk_host_url;
  if (!raw) return fail("invalid_request", "sdk_host_url: required when app_type=spa");
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme");
    return ok(url.origin);
  } catch {
    return fail("invalid_request", `sdk_host_url: "${raw}" is not an http(s) URL`);
  }
}

/** The origin of a URL, or "" when it is not one. */
function embedOriginOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : "";
  } catch {
    return "";
  }
}

/** The origins of an application's registered redirect URIs. */
function registeredOrigins(uris: readonly string[]): Set<string> {
  return new Set(uris.map(embedOriginOf).filter((o) => o !== "" && o !== "null"));
}

/** Legacy `sandbox` values: `true` (deprecated) and `finch` mean generated data. */
function legacySandbox(value: string | undefined): "finch" | "provider" | null {
  if (value === "true" || value === "finch") return "finch";
  if (value === "provider") return "provider";
  return null;
}

/** Turn a legacy static link into a session (or a preview, which stores nothing). */
async function sessionFromLegacyLink(
  deps: Deps,
  query: Record<string, string>,
  embedded: boolean,
): Promise<Result<SessionRow & { preview: boolean }>> {
  const clientId = query.client_id ?? "";
  const app = isUuid(clientId) ? await findApplication(deps.db, clientId) : undefined;
  if (!app) return fail("invalid_client", "client_id: unknown application");
  const products = checkRequestedProducts((query.products ?? "").split(/[\s,]+/).filter(Boolean));
  if (!products.ok) return products;
  let redirectUri: string | null = query.redirect_uri ?? null;
  if (redirectUri && !app.redirectUris.includes(redirectUri)) {
    // The embed SDK always sends a placeholder redirect_uri; only the redirect flow needs a registered one.
    if (!embedded) return fail("invalid_request", `redirect_uri: "${redirectUri}" is not registered for this application`);
    redirectUri = null;
  }
  if (!redirectUri && !embedded && query.preview !== "true") return fail("invalid_request", "redirect_uri: required");
  // Anyone may build a legacy link from the public client_id: the code may only be posted to the application's own pages
  if (embedded && query.preview !== "true" && !registeredOrigins(app.redirectUris).has(embedOriginOf(query.sdk_host_url))) {
    return fail("invalid_request", "sdk_host_url: must have the origin of one of the application's registered redirect URIs");
  }
  const provider = query.payroll_provider ? deps.catalog.get(query.payroll_provider) : undefined;
  if (query.payroll_provider && !provider) return fail("invalid_request", `payroll_provider: unknown provider "${query.payroll_provider}"`);
  const now = deps.clock.now();
  const row: SessionRow = {
    id: randomUUID(),
    applicationId: app.id,
    kind: "legacy",
    customerId: null,
    customerName: null,
    customerEmail: null,
    products: products.value,
    redirectUri,
    sandbox: legacySandbox(query.sandbox),
    manual: query.manual === "true",
    integrationProvider: provider?.id ?? null,
    integrationAuthMethod: null,
    recordkeeping: null,
    connectionId: null,
    state: query.state ?? null,
    expiresAt: new Date(now.getTime() + LEGACY_SESSION_MINUTES * 60_000),
    completedAt: null,
    createdAt: now,
  };
  const preview = query.preview === "true";
  if (!preview) await insertSession(deps.db, row);
  return ok({ ...row, preview });
}

/** Resolve the query `/authorize` was opened with into everything the Connect page renders. */
export async function startFlow(deps: Deps, query: Record<string, string>): Promise<Result<ConnectFlow>> {
  const origin = embedOrigin(query);
  if (!origin.ok) return origin;
  let session: SessionRow;
  let preview = false;
  if (query.session) {
    const found = await usableSession(deps, query.session);
    if (!found.ok) return found;
    session = found.value;
  } else if (query.client_id) {
    const made = await sessionFromLegacyLink(deps, query, origin.value !== null);
    if (!made.ok) return made;
    session = made.value;
    preview = made.value.preview;
  } else {
    return fail("invalid_request", "session: required (or the legacy client_id, products and redirect_uri parameters)");
  }
  const app = await findApplication(deps.db, session.applicationId);
  if (!app) return fail("not_found", "This Connect link is not valid.");
  const state = query.state ?? session.state ?? null;
  if (!preview && query.state && query.state !== session.state) await setSessionState(deps.db, session.id, query.state);
  const preselectedProvider = session.integrationProvider ? deps.catalog.get(session.integrationProvider) : undefined;
  const visible = deps.catalog.all.filter((p) => session.manual || p.kind === "automated" || p.id === preselectedProvider?.id);
  const preselectedMethod = session.integrationAuthMethod;
  return ok({
    flow_id: session.id,
    application_name: app.name,
    customer_name: session.customerName,
    products: session.products,
    manual: session.manual,
    sandbox: session.sandbox,
    reauth: session.kind === "reauth",
    preview,
    state,
    sdk_host_origin: origin.value,
    redirect_uri: session.redirectUri,
    preselected: preselectedProvider
      ? {
          provider_id: preselectedProvider.id,
          auth_method:
            preselectedMethod === "assisted" || preselectedMethod === "credential" || preselectedMethod === "api_token"
              ? preselectedMethod
              : null,
        }
      : null,
    providers: visible.map((p) => toFlowProvider(p, session.products)),
  });
}
