import { z } from "zod";
import { ProductSchema } from "./products.js";

/** Auth methods a session may preselect (`integration.auth_method`). */
export const SessionAuthMethodSchema = z.enum(["assisted", "credential", "oauth", "api_token"]);

const RecordkeepingSchema = z.object({
  recordkeeper: z.enum(["voya", "empower", "fidelity", "transamerica"]),
  plan_id: z.string().min(1).nullish(),
});

/** Body of `POST /connect/sessions`. */
export const CreateConnectSessionRequestSchema = z
  .object({
    customer_id: z.string().min(1).max(255),
    customer_name: z.string().min(1).max(255),
    customer_email: z.email().nullish(),
    products: z.array(ProductSchema),
    redirect_uri: z.string().nullish(),
    minutes_to_expire: z.number().min(1).max(129600).nullish(),
    sandbox: z.enum(["finch", "provider"]).nullish(),
    manual: z.boolean().nullish(),
    integration: z.object({ provider: z.string().min(1), auth_method: SessionAuthMethodSchema.nullish() }).nullish(),
    recordkeeping: RecordkeepingSchema.nullish(),
  })
  .meta({ id: "CreateConnectSessionRequest" });

/** Parsed body of `POST /connect/sessions`. */
export type CreateConnectSessionRequest = z.infer<typeof CreateConnectSessionRequestSchema>;

/** Body of `POST /connect/sessions/reauthenticate`. */
export const ReauthenticateRequestSchema = z
  .object({
    connection_id: z.string().min(1),
    redirect_uri: z.url().nullish(),
    minutes_to_expire: z.number().int().min(1).max(129600).nullish(),
    products: z.array(ProductSchema).nullish(),
  })
  .meta({ id: "ReauthenticateRequest" });

/** Parsed body of `POST /connect/sessions/reauthenticate`. */
export type ReauthenticateRequest = z.infer<typeof ReauthenticateRequestSchema>;

/** 201 answer of both session endpoints. */
export const ConnectSessionResponseSchema = z
  .object({ session_id: z.string(), connect_url: z.string() })
  .meta({ id: "CreateConnectSessionResponse" });
