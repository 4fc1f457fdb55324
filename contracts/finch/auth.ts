import { z } from "zod";

/** Application types (`ClientType`). */
export const ClientTypeSchema = z.enum(["development", "production", "sandbox"]).meta({ id: "ClientType" });

/** `provider` for a real system, `finch` for generated (sandbox) data. */
export const ConnectionTypeSchema = z.enum(["finch", "provider"]).meta({ id: "ConnectionType" });

/** Body of `POST /auth/token` (client credentials travel in the body). */
export const CreateAccessTokenRequestSchema = z
  .object({
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    code: z.string().min(1),
    redirect_uri: z.string().optional(),
  })
  .meta({ id: "CreateAccessTokenRequest" });

/** 200 answer of `POST /auth/token`. */
export const CreateAccessTokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    connection_id: z.string(),
    customer_id: z.string().nullable(),
    customer_name: z.string().nullable(),
    account_id: z.string(),
    client_type: ClientTypeSchema,
    company_id: z.string(),
    connection_type: ConnectionTypeSchema,
    products: z.array(z.string()),
    provider_id: z.string(),
    entity_ids: z.array(z.string()),
  })
  .meta({ id: "CreateAccessTokenResponse" });

/** A token exchange answer. */
export type CreateAccessTokenResponse = z.infer<typeof CreateAccessTokenResponseSchema>;

/** 200 answer of `POST /disconnect`. */
export const DisconnectResponseSchema = z.object({ status: z.string() }).meta({ id: "DisconnectResponse" });
