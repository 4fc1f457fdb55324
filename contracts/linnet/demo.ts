import { z } from "zod";

/** The /demo page's backend (`/demo/api`), standing in for a developer's own server. */

/** Answer of `GET /demo/api/config`. */
export const DemoConfigSchema = z.object({
  available: z.boolean(),
  application_name: z.string().nullable(),
  client_id: z.string().nullable(),
  /** Value for `apiConfig.connectUrl` of @tryfinch/react-connect: an absolute origin, no trailing slash. */
  connect_url: z.string(),
});

/** Body of `POST /demo/api/sessions`. */
export const DemoSessionRequestSchema = z.object({
  customer_id: z.string().min(1),
  customer_name: z.string().min(1),
  products: z.array(z.string()).min(1),
  manual: z.boolean(),
  sandbox: z.boolean(),
});

/** Answer of `POST /demo/api/sessions`. */
export const DemoSessionResponseSchema = z.object({ session_id: z.string(), connect_url: z.string() });

/** Body of `POST /demo/api/exchange`. */
export const DemoExchangeRequestSchema = z.object({ code: z.string().min(1) });

/** Answer of `POST /demo/api/exchange`: what the developer's server learned (the token itself stays server-side). */
export const DemoExchangeResponseSchema = z.object({
  access_token_preview: z.string(),
  token: z.record(z.string(), z.unknown()),
  introspection: z.record(z.string(), z.unknown()),
});

/** The demo page's configuration. */
export type DemoConfig = z.infer<typeof DemoConfigSchema>;
/** A demo session request. */
export type DemoSessionRequest = z.infer<typeof DemoSessionRequestSchema>;
/** A demo session answer. */
export type DemoSessionResponse = z.infer<typeof DemoSessionResponseSchema>;
/** A demo exchange answer. */
export type DemoExchangeResponse = z.infer<typeof DemoExchangeResponseSchema>;
