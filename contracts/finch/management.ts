import { z } from "zod";
import { ErrorResponseSchema } from "./errors.js";

/** `POST /disconnect-entity` body: the entities to disconnect (at least one UUID). */
export const DisconnectEntityRequestSchema = z.object({ entity_ids: z.array(z.guid()).min(1) }).meta({ id: "DisconnectEntityRequest" });

/** 200 answer of `POST /disconnect-entity`. */
export const DisconnectEntityResponseSchema = z.object({ status: z.string() }).meta({ id: "DisconnectEntityResponse" });

/**
 * 400 answer of `POST /disconnect-entity`: the spec's `DisconnectEntityErrorResponse` (`errors`, one per id that is
 * no entity of the connection) or its `ErrorResponse` (a malformed body); both also carry the Finch error fields.
 */
export const DisconnectEntityErrorSchema = ErrorResponseSchema.extend({
  errors: z.array(z.object({ entityId: z.string(), error: z.literal("NOT_FOUND") })).optional(),
}).meta({ id: "DisconnectEntityError" });

/** The methods `POST /forward` forwards. */
export const FORWARD_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;

/** A forwarded route: relative, `/`-separated segments of letters, digits, hyphens and underscores (the spec's rule). */
export const FORWARD_ROUTE = /^(\/[A-Za-z0-9_-]+)+\/?$|^\/$/;

/** `POST /forward` body (`ForwardRequest`). */
export const ForwardRequestSchema = z
  .object({
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(FORWARD_METHODS)),
    route: z.string().max(2048).regex(FORWARD_ROUTE, "must begin with / and hold only letters, digits, hyphens, underscores and /"),
    params: z.record(z.string(), z.unknown()).nullish(),
    data: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
    request_headers: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "ForwardRequest" });

/** A parsed `POST /forward` body. */
export type ForwardRequest = z.infer<typeof ForwardRequestSchema>;

/** 200 answer of `POST /forward` (`ForwardResponse`): the provider's answer and the request as it was forwarded. */
export const ForwardResponseSchema = z
  .object({
    headers: z.record(z.string(), z.unknown()).nullable(),
    statusCode: z.number().int(),
    data: z.string().nullable(),
    request: z.object({
      method: z.string(),
      route: z.string(),
      headers: z.record(z.string(), z.string()).nullable(),
      params: z.record(z.string(), z.unknown()).nullable(),
      data: z.union([z.string(), z.record(z.string(), z.unknown())]).nullable(),
    }),
  })
  .meta({ id: "ForwardResponse" });

/** A `POST /forward` answer. */
export type ForwardResponse = z.infer<typeof ForwardResponseSchema>;
