import type { DemoSessionRequest } from "./demo-api.js";

/** Source shown on the demo page: what a developer's server and page do, filled in with the live form values. */

/** Values the snippets are filled in with. */
export interface SnippetValues {
  /** Where this Linnet server is reached. */
  apiBase: string;
  /** The react-connect `connectUrl`. */
  connectUrl: string;
  clientId: string;
  request: DemoSessionRequest;
}

/** Step 1, server side: create a Connect session. */
export function createSessionSnippet({ apiBase, clientId, request }: SnippetValues): string {
  const body = {
    customer_id: request.customer_id,
    customer_name: request.customer_name,
    products: request.products,
    manual: request.manual,
    ...(request.sandbox ? { sandbox: "finch" } : {}),
  };
  return `// Your server: Basic auth with the application's client credentials
const res = await fetch("${apiBase}/connect/sessions", {
  method: "POST",
  headers: {
    Authorization: "Basic " + btoa("${clientId}:" + CLIENT_SECRET),
    "Content-Type": "application/json",
  },
  body: JSON.stringify(${JSON.stringify(body, null, 2).replace(/\n/g, "\n  ")}),
});
const { session_id } = await res.json(); // hand session_id to the page`;
}

/** Step 3, server side: exchange the code Connect returned for an access token. */
export function exchangeSnippet({ apiBase, clientId }: SnippetValues): string {
  return `// Your server: the page sends you the code from onSuccess
const token = await fetch("${apiBase}/auth/token", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ client_id: "${clientId}", client_secret: CLIENT_SECRET, code }),
}).then((r) => r.json());
// Store token.access_token with the customer; never send it to the browser`;
}

/** Step 4, server side: ask what the token can do. */
export function introspectSnippet({ apiBase }: SnippetValues): string {
  return `// Your server: which employer, provider and products this token covers
const introspection = await fetch("${apiBase}/introspect", {
  headers: { Authorization: \`Bearer \${token.access_token}\` },
}).then((r) => r.json());`;
}

/** Step 2, in the page: open Connect with @tryfinch/react-connect. */
export function reactConnectSnippet({ connectUrl }: SnippetValues): string {
  return `import { useFinchConnect } from "@tryfinch/react-connect";

const { open } = useFinchConnect({
  apiConfig: { connectUrl: "${connectUrl}" },
  onSuccess: ({ code }) => sendCodeToYourServer(code),
  onError: ({ errorMessage }) => console.error(errorMessage),
  onClose: () => console.log("Connect was closed"),
});

// after your server created the session:
open({ sessionId: session_id });`;
}
