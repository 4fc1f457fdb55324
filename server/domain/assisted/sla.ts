import { ORG_PRODUCTS, PAY_PRODUCTS, type Product } from "../../../contracts/finch/products.js";
import type { SlaRules } from "../../config.js";
import type { CatalogProvider } from "../catalog/catalog.js";
import { addDays } from "../clock.js";

/** A product group whose first data is due on one date. */
export type ProductGroup = "org" | "pay";

/** Products of each group among those requested. */
export function productsByGroup(products: readonly string[]): Record<ProductGroup, string[]> {
  return {
    org: products.filter((p) => ORG_PRODUCTS.includes(p as Product)),
    pay: products.filter((p) => PAY_PRODUCTS.includes(p as Product)),
  };
}

/** The requested products the provider supplies: nothing is promised (or scheduled) for the rest. */
function suppliedProducts(products: readonly string[], provider: Pick<CatalogProvider, "products">): string[] {
  return products.filter((p) => (provider.products as readonly string[]).includes(p));
}

/**
 * Days until first data per group (null when no product of the group was requested and is supplied by the provider,
 * e.g. pay for an HRIS-only provider). Pay is faster on pay-enabled providers.
 */
export function firstDataDays(requested: readonly string[], provider: Pick<CatalogProvider, "pay_enabled" | "products">, sla: SlaRules) {
  const groups = productsByGroup(suppliedProducts(requested, provider));
  return {
    org: groups.org.length > 0 ? sla.orgDays : null,
    pay: groups.pay.length > 0 ? (provider.pay_enabled ? sla.payEnabledDays : sla.payDays) : null,
  };
}

/** When first data is due per requested group, counted from when the token was created. */
export function firstDataDue(
  requested: readonly string[],
  provider: Pick<CatalogProvider, "pay_enabled" | "products">,
  sla: SlaRules,
  tokenCreatedAt: Date,
): { group: ProductGroup; products: string[]; due_at: Date }[] {
  const groups = productsByGroup(suppliedProducts(requested, provider));
  const days = firstDataDays(requested, provider, sla);
  const due: { group: ProductGroup; products: string[]; due_at: Date }[] = [];
  if (days.org !== null) due.push({ group: "org", products: groups.org, due_at: addDays(tokenCreatedAt, days.org) });
  if (days.pay !== null) due.push({ group: "pay", products: groups.pay, due_at: addDays(tokenCreatedAt, days.pay) });
  return due;
}
