import { z } from "zod";

/** Auth method types a provider can list. */
export const ProviderAuthTypeSchema = z.enum(["assisted", "credential", "api_token", "api_credential", "oauth", "api"]);

/** One element of `GET /providers`. */
export const ProviderSchema = z
  .object({
    id: z.string(),
    display_name: z.string(),
    products: z.array(z.string()),
    icon: z.string().optional(),
    logo: z.string().optional(),
    mfa_required: z.boolean().optional(),
    primary_color: z.string().optional(),
    manual: z.boolean().optional(),
    beta: z.boolean().optional(),
    authentication_methods: z.array(
      z.object({
        type: ProviderAuthTypeSchema,
        benefits_support: z.record(z.string(), z.unknown()).nullable().optional(),
        supported_fields: z.record(z.string(), z.unknown()).nullable().optional(),
      }),
    ),
  })
  .meta({ id: "Provider" });

/** 200 answer of `GET /providers`. */
export const ProvidersResponseSchema = z.array(ProviderSchema).meta({ id: "GetProvidersResponse" });
