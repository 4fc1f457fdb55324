import type { z } from "zod";
import type { ProviderSchema } from "../../../contracts/finch/providers.js";
import type { CatalogProvider } from "../../domain/catalog/catalog.js";

/** A catalog entry as `GET /providers` shows it. */
export function presentProvider(p: CatalogProvider): z.infer<typeof ProviderSchema> {
  const type = p.kind === "assisted" ? "assisted" : p.auth_method;
  return {
    id: p.id,
    display_name: p.display_name,
    products: [...p.products],
    primary_color: p.primary_color,
    mfa_required: false,
    manual: p.kind === "assisted",
    beta: false,
    authentication_methods: [{ type }],
  };
}
