import { z } from "zod";
import { ClientTypeSchema, ConnectionTypeSchema } from "./auth.js";

/** Connection statuses the API reports (`ConnectionStatus`). */
export const CONNECTION_STATUSES = ["pending", "processing", "connected", "error_no_account_setup", "error_permissions", "reauth"] as const;

/** Statuses an entity can report: the connection statuses plus `disconnected`. */
export const EntityConnectionStatusSchema = z.enum([...CONNECTION_STATUSES, "disconnected"]).meta({ id: "EntityConnectionStatus" });

/** `connection_status` object of introspection. */
export const ConnectionStatusDetailSchema = z
  .object({
    status: z.enum(CONNECTION_STATUSES),
    message: z.string().optional(),
    last_successful_sync: z.string().nullable().optional(),
  })
  .meta({ id: "ConnectionStatusDetail" });

/** 200 answer of `GET /introspect`. */
export const IntrospectResponseSchema = z
  .object({
    id: z.string(),
    client_id: z.string(),
    client_type: ClientTypeSchema,
    connection_id: z.string(),
    connection_status: ConnectionStatusDetailSchema,
    connection_type: ConnectionTypeSchema,
    products: z.array(z.string()),
    provider_id: z.string(),
    payroll_provider_id: z.string(),
    account_id: z.string(),
    company_id: z.string(),
    customer_id: z.string().nullable(),
    customer_name: z.string().nullable(),
    customer_email: z.string().nullable(),
    username: z.string().nullable(),
    manual: z.boolean(),
    authentication_methods: z.array(
      z.object({
        type: z.enum(["assisted", "credential", "api_token", "api_credential", "oauth"]),
        connection_status: ConnectionStatusDetailSchema.optional(),
        products: z.array(z.string()).optional(),
      }),
    ),
    entities: z.array(
      z.object({ id: z.string(), name: z.string().nullable(), source_id: z.string().nullable(), status: EntityConnectionStatusSchema }),
    ),
    /** Linnet extension: per product, whether data is served, when it was pulled, and when it is expected. */
    data_readiness: z
      .record(z.string(), z.object({ ready: z.boolean(), data_retrieved_at: z.string().nullable(), expected_by: z.string().nullable() }))
      .optional(),
  })
  .meta({ id: "GetIntrospectResponse" });

/** An introspection answer. */
export type IntrospectResponse = z.infer<typeof IntrospectResponseSchema>;
