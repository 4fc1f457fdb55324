import { z } from "zod";
import { LinnetVerificationSchema } from "../finch/benefits.js";
import { ProductSchema } from "../finch/products.js";
import { ActivitySchema } from "./ops.js";

/**
 * The developer dashboard's API (`/dashboard/api`), shared by server routes, tests and the React dashboard. Every call
 * needs a signed-in developer (member of the application) or admin: the console session cookie, and `x-csrf-token` on
 * unsafe methods. An application or connection the person may not see answers 404.
 */

/** An application the signed-in person may open. */
export const DashboardApplicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  client_type: z.enum(["development", "production", "sandbox"]),
  created_at: z.string(),
});
/** An application in the picker. */
export type DashboardApplication = z.infer<typeof DashboardApplicationSchema>;

/** Answer of `GET /dashboard/api/applications`. */
export const DashboardApplicationListSchema = z.object({ data: z.array(DashboardApplicationSchema) });

/** The four dashboard labels, plus NEEDS ATTENTION for the error states. */
export const StatusLabelSchema = z.enum(["PENDING", "PROCESSING", "CONNECTED", "DISCONNECTED", "NEEDS ATTENTION"]);

/** Status filter values: a label group, or one precise state. */
export const STATUS_FILTERS = [
  "pending",
  "processing",
  "connected",
  "disconnected",
  "needs_attention",
  "error_no_account_setup",
  "error_permissions",
  "reauth",
] as const;

/** Sort keys of the employers list. */
export const CONNECTION_SORTS = ["customer", "status", "created", "expected"] as const;

/** Query of `GET /dashboard/api/applications/:applicationId/connections`. */
export const ConnectionListQuerySchema = z.object({
  /** Part of the customer name or customer id (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  auth_type: z.enum(["automated", "assisted"]).optional(),
  /** A provider id, exactly. */
  provider: z.string().trim().max(100).optional(),
  sort: z.enum(CONNECTION_SORTS).default("created"),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed list query. */
export type ConnectionListQuery = z.output<typeof ConnectionListQuerySchema>;

/** Per data product: whether data is served, when it was pulled, when it is expected, when it is refreshed next. */
export const ProductReadinessSchema = z.object({
  product: z.string(),
  group: z.enum(["org", "pay"]),
  ready: z.boolean(),
  data_retrieved_at: z.string().nullable(),
  expected_by: z.string().nullable(),
  next_refresh_at: z.string().nullable(),
});
/** One product's readiness. */
export type ProductReadiness = z.infer<typeof ProductReadinessSchema>;

/** One employer connection as the Employers tab lists it. */
export const DashboardConnectionSchema = z.object({
  id: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  provider: z.object({ id: z.string(), display_name: z.string() }),
  auth_type: z.enum(["automated", "assisted"]),
  auth_method: z.string(),
  status: z.string(),
  status_label: StatusLabelSchema,
  /** The state in plain words ("Missing permissions"). */
  status_words: z.string(),
  products: z.array(z.string()),
  readiness: z.array(ProductReadinessSchema),
  /** Earliest first-data date of a group still without data (assisted, not disconnected). */
  expected_first_data_at: z.string().nullable(),
  next_refresh_at: z.string().nullable(),
  created_at: z.string(),
});
/** A listed connection. */
export type DashboardConnection = z.infer<typeof DashboardConnectionSchema>;

/** Answer of the list. */
export const DashboardConnectionListSchema = z.object({
  data: z.array(DashboardConnectionSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
/** The list answer. */
export type DashboardConnectionList = z.infer<typeof DashboardConnectionListSchema>;

/** An activity-log entry (the same shape the operations console shows). */
export const DashboardActivitySchema = ActivitySchema;
/** One timeline entry. */
export type DashboardActivity = z.infer<typeof DashboardActivitySchema>;

/** A deduction write of the connection, as the dashboard lists it (with Linnet's write-then-verify outcome). */
export const DashboardDeductionJobSchema = z.object({
  job_id: z.string(),
  /** benefit_create | benefit_register | benefit_update | benefit_enroll | benefit_unenroll */
  type: z.string(),
  /** automated (the provider, through a job) or assisted (a manual job for the operations team) */
  mode: z.string(),
  status: z.enum(["pending", "in_progress", "complete", "error"]),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  verification: LinnetVerificationSchema,
});
/** One deduction job. */
export type DashboardDeductionJob = z.infer<typeof DashboardDeductionJobSchema>;

/** Answer of `GET …/connections/:connectionId`: the connection page. */
export const DashboardConnectionDetailSchema = DashboardConnectionSchema.extend({
  customer_email: z.string().nullable(),
  status_message: z.string().nullable(),
  access_confirmed_at: z.string().nullable(),
  disconnected_at: z.string().nullable(),
  last_successful_sync: z.string().nullable(),
  /** Assisted: the employer's status page (capability link). */
  employer_status_url: z.string().nullable(),
  /** Activity, newest first. */
  activity: z.array(DashboardActivitySchema),
  /** The latest deduction jobs, newest first. */
  deduction_jobs: z.array(DashboardDeductionJobSchema),
  /** Assisted: since when the newest data arrived by itself, from the employer's scheduled reports; null otherwise. */
  refreshed_from_reports_since: z.string().nullable(),
});
/** The connection page's data. */
export type DashboardConnectionDetail = z.infer<typeof DashboardConnectionDetailSchema>;

/** A Connect link (a connect session) the dashboard created. */
export const ConnectLinkSchema = z.object({ session_id: z.string(), connect_url: z.string() });
/** A created link. */
export type ConnectLink = z.infer<typeof ConnectLinkSchema>;

/** Body of `POST …/connect-links`: a connect session without writing code. */
export const CreateConnectLinkSchema = z.object({
  customer_id: z.string().trim().min(1).max(255),
  customer_name: z.string().trim().min(1).max(255),
  customer_email: z.email().nullish(),
  products: z.array(ProductSchema).min(1),
  /** Also offer assisted providers (default true). */
  manual: z.boolean().default(true),
  sandbox: z.enum(["finch", "provider"]).nullish(),
  redirect_uri: z.string().nullish(),
});
/** Parsed body of a connect-link request. */
export type CreateConnectLink = z.output<typeof CreateConnectLinkSchema>;

/** Answer of `GET|PATCH …/settings`. */
export const ApplicationSettingsSchema = z.object({
  client_id: z.string(),
  name: z.string(),
  client_type: z.enum(["development", "production", "sandbox"]),
  redirect_uris: z.array(z.string()),
  created_at: z.string(),
  /** While a rotated-out secret still works: until when. */
  previous_secret_expires_at: z.string().nullable(),
  /** How long a rotated-out secret keeps working. */
  secret_grace_hours: z.number(),
  /** This application's 202 body mode; null follows the deployment's default. */
  accepted_body: z.enum(["empty", "finch"]).nullable(),
  /** The deployment's default 202 body mode (LINNET_ACCEPTED_BODY). */
  accepted_body_default: z.enum(["empty", "finch"]),
});
/** Application settings. */
export type ApplicationSettings = z.infer<typeof ApplicationSettingsSchema>;

/** Body of `PATCH …/settings`. */
export const UpdateSettingsSchema = z.object({
  redirect_uris: z.array(z.string().max(2000)).max(100).optional(),
  /** The 202 body mode: `empty`, `finch`, or null for the deployment's default. */
  accepted_body: z.enum(["empty", "finch"]).nullable().optional(),
});

/** Answer of `POST …/rotate-secret`: the new secret, shown once. */
export const RotatedSecretSchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  previous_secret_expires_at: z.string().nullable(),
});
/** A rotated secret. */
export type RotatedSecretResponse = z.infer<typeof RotatedSecretSchema>;
