import { z } from "zod";

/** The /demo page's backend (`/demo/api`), standing in for a developer's own server. */

/** Answer of `GET /demo/api/config`. */
export const DemoConfigSchema = z.object({
  available: z.boolean(),
  application_name: z.string().nullable(),
  client_id: z.string().nullable(),
  /** Value for `apiConfig.connectUrl` of @tryfinch/react-connect: an absolute origin, no trailing slash. */
  connect_url: z.string(),
  /** A console user is signed in: only then may the demo create real (non-sandbox) connections. */
  signed_in: z.boolean(),
  /** The console session's CSRF token, sent back as `x-csrf-token` with a non-sandbox session request. */
  csrf_token: z.string().nullable(),
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
export const DemoExchangeRequestSchema = z.object({
  code: z.string().min(1).max(200),
  /** The code came back through the redirect flow to `/demo/callback` (so the exchange must name that redirect URI). */
  redirect: z.boolean().optional(),
});

/** Answer of `POST /demo/api/exchange`: what the developer's server learned (the token itself stays server-side). */
export const DemoExchangeResponseSchema = z.object({
  access_token_preview: z.string(),
  token: z.record(z.string(), z.unknown()),
  introspection: z.record(z.string(), z.unknown()),
  /** The access token sealed with the server's key: the page hands it back for data calls but cannot read it. */
  token_handle: z.string(),
});

/** The data endpoints the demo calls. */
export const DEMO_DATA_PATHS = ["/employer/company", "/employer/directory"] as const;

/** Body of `POST /demo/api/data`: call one data endpoint with the token of an earlier exchange. */
export const DemoDataRequestSchema = z.object({ token_handle: z.string().min(1).max(2000), path: z.enum(DEMO_DATA_PATHS) });

/** Answer of `POST /demo/api/data`: what the data API answered, as the developer's server saw it. */
export const DemoDataResponseSchema = z.object({
  path: z.enum(DEMO_DATA_PATHS),
  /** HTTP status of the data call: 200 (data), 202 (assisted data not pulled yet) or an error status. */
  status: z.number().int(),
  /** `Finch-Data-Retrieved` on a 200: when the data was pulled from the employer's system. */
  data_retrieved: z.string().nullable(),
  /** `Linnet-Data-Expected` on a 202: when the first data is due. */
  data_expected: z.string().nullable(),
  /** The answer's JSON body (null for a 202's empty body). */
  body: z.unknown(),
  /** The connection's status per a fresh introspection, so the page's pill stays true. */
  connection_status: z.string(),
});

/** The demo page's configuration. */
export type DemoConfig = z.infer<typeof DemoConfigSchema>;
/** A demo session request. */
export type DemoSessionRequest = z.infer<typeof DemoSessionRequestSchema>;
/** A demo session answer. */
export type DemoSessionResponse = z.infer<typeof DemoSessionResponseSchema>;
/** A demo exchange answer. */
export type DemoExchangeResponse = z.infer<typeof DemoExchangeResponseSchema>;
/** A demo data call. */
export type DemoDataRequest = z.infer<typeof DemoDataRequestSchema>;
/** A demo data answer. */
export type DemoDataResponse = z.infer<typeof DemoDataResponseSchema>;
