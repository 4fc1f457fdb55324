import { z } from "zod";

/**
 * Sign-in for the web consoles (`/console/api`). The session travels in the `linnet_session` cookie (HttpOnly,
 * SameSite=Strict); every unsafe request also sends the session's CSRF token in `x-csrf-token`.
 */

/** Body of `POST /console/api/session`. Lengths are capped so a huge password cannot tie up argon2. */
export const SignInRequestSchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** A signed-in console user. */
export const ConsoleUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(["admin", "operator", "developer"]),
});

/** Answer of `POST` and `GET /console/api/session`. */
export const SessionResponseSchema = z.object({
  user: ConsoleUserSchema,
  /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrf_token: z.string(),
});

/** Body of `POST /console/api/api-keys`. */
export const CreateApiKeyRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** An operator API key as listed: never the key itself. */
export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

/** Answer of `POST /console/api/api-keys`: the key is shown this once. */
export const CreatedApiKeySchema = ApiKeySchema.extend({
  /** `lop_…`; use as `Authorization: Bearer <key>`. Store it now: it cannot be shown again. */
  key: z.string(),
});

/** Answer of `GET /console/api/api-keys`. */
export const ApiKeyListSchema = z.object({ data: z.array(ApiKeySchema) });

/** A sign-in request. */
export type SignInRequest = z.infer<typeof SignInRequestSchema>;
/** A console user. */
export type ConsoleUser = z.infer<typeof ConsoleUserSchema>;
/** The current session. */
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
/** A request to create an API key. */
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequestSchema>;
/** A listed API key. */
export type ApiKey = z.infer<typeof ApiKeySchema>;
/** A just-created API key, with its secret. */
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
/** A list of API keys. */
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
