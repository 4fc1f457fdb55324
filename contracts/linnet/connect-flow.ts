import { z } from "zod";
import { CONNECTION_STATUSES } from "../finch/introspect.js";

/**
 * The hosted Connect page's own API (under `/connect/api`). Not part of the Finch contract:
 * the React pages in web/ and the server routes in server/api/connect-flow/ share these shapes.
 */

/** Auth methods an employer can complete in Connect. */
export const FlowAuthMethodSchema = z.enum(["assisted", "credential", "api_token"]);
/** An auth method an employer can complete in Connect. */
export type FlowAuthMethod = z.infer<typeof FlowAuthMethodSchema>;

/** A provider as the Connect selector shows it. */
export const FlowProviderSchema = z.object({
  id: z.string(),
  display_name: z.string(),
  category: z.enum(["payroll", "hris", "peo"]),
  primary_color: z.string(),
  products: z.array(z.string()),
  auth_method: FlowAuthMethodSchema,
  pay_enabled: z.boolean(),
  /** Requested products this provider cannot supply (empty when it covers all of them). */
  unsupported_products: z.array(z.string()),
});
/** A provider as the Connect selector shows it. */
export type FlowProvider = z.infer<typeof FlowProviderSchema>;

/** Body of `POST /connect/api/flows`: the query string `/authorize` was opened with. */
export const StartFlowRequestSchema = z.object({ query: z.record(z.string(), z.string()) });

/** Answer of `POST /connect/api/flows`: everything the Connect page needs to render. */
export const ConnectFlowSchema = z.object({
  flow_id: z.string(),
  application_name: z.string(),
  customer_name: z.string().nullable(),
  products: z.array(z.string()),
  manual: z.boolean(),
  sandbox: z.enum(["finch", "provider"]).nullable(),
  reauth: z.boolean(),
  /** Opened by the embed SDK's preview: render everything, complete nothing. */
  preview: z.boolean(),
  state: z.string().nullable(),
  /** Origin messages are posted to when embedded (`app_type=spa`); null in the redirect flow. */
  sdk_host_origin: z.string().nullable(),
  /** Where the browser goes when the employer closes Connect in the redirect flow (null: nowhere to go). */
  redirect_uri: z.string().nullable(),
  preselected: z.object({ provider_id: z.string(), auth_method: FlowAuthMethodSchema.nullable() }).nullable(),
  providers: z.array(FlowProviderSchema),
});
/** Everything the Connect page needs to render. */
export type ConnectFlow = z.infer<typeof ConnectFlowSchema>;

/** Admin-access instructions for an assisted provider, placeholders already filled in. */
export const AssistedInstructionsSchema = z.object({
  provider_id: z.string(),
  display_name: z.string(),
  method: z.enum(["invite_user", "contact_rep"]),
  role: z.string(),
  invite_email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  steps: z.array(z.string()),
  /** Days until first data is due, per product group, for the requested products. */
  expected_days: z.object({ org: z.number().int().nullable(), pay: z.number().int().nullable() }),
});
/** Admin-access instructions for an assisted provider. */
export type AssistedInstructions = z.infer<typeof AssistedInstructionsSchema>;

/** Body of `POST /connect/api/flows/:flow_id/authorize`. */
export const AuthorizeRequestSchema = z.object({
  provider_id: z.string().min(1),
  auth_method: FlowAuthMethodSchema,
  /** credential method: the sandbox accepts good_user / good_pass. */
  username: z.string().optional(),
  password: z.string().optional(),
  /** api_token method: the sandbox accepts good_token. */
  api_token: z.string().optional(),
  /** assisted method: true for "I have granted access", false for "I'll do it later". */
  access_granted: z.boolean().optional(),
  /** The employer's company name, asked for in Connect when the link named none (legacy `/authorize` links). */
  company_name: z.string().trim().min(1).max(200).optional(),
});
/** Body of the authorize call. */
export type AuthorizeRequest = z.infer<typeof AuthorizeRequestSchema>;

/** Answer of `POST /connect/api/flows/:flow_id/authorize`. */
export const AuthorizeResponseSchema = z.object({
  code: z.string(),
  state: z.string().nullable(),
  /** Full `redirect_uri?code=…&state=…` in the redirect flow; null when embedded or no redirect URI. */
  redirect_to: z.string().nullable(),
  /** Employer status page for assisted connections; null for automated ones. */
  status_url: z.string().nullable(),
});
/** Answer of the authorize call. */
export type AuthorizeResponse = z.infer<typeof AuthorizeResponseSchema>;

/** Dashboard labels for connection states. */
export const STATUS_LABELS = ["PENDING", "PROCESSING", "CONNECTED", "DISCONNECTED", "NEEDS ATTENTION"] as const;

/** Answer of `GET /connect/api/status/:token` and `POST /connect/api/status/:token/confirm-access`. */
export const EmployerStatusSchema = z.object({
  application_name: z.string(),
  customer_name: z.string().nullable(),
  provider: z.object({ id: z.string(), display_name: z.string() }),
  products: z.array(z.string()),
  status: z.enum([...CONNECTION_STATUSES, "disconnected"]),
  status_label: z.enum(STATUS_LABELS),
  status_message: z.string(),
  created_at: z.string(),
  access_confirmed_at: z.string().nullable(),
  instructions: AssistedInstructionsSchema,
  /** When first data is due for each requested product group; `retrieved_at` once it arrived. */
  expected_first_data: z.array(
    z.object({ group: z.enum(["org", "pay"]), products: z.array(z.string()), due_at: z.string(), retrieved_at: z.string().nullable() }),
  ),
  /** Scheduled reports later than their cadence + grace (intake), until a file of that kind arrives. */
  late_reports: z.array(z.object({ report_kind: z.enum(["census", "payroll"]), expected_at: z.string(), late_since: z.string() })),
});
/** The employer status page's data. */
export type EmployerStatus = z.infer<typeof EmployerStatusSchema>;
