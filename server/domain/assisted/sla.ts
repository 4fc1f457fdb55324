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

/** Days until first data per group (null when the group was not requested). Pay is faster on pay-enabled providers. */
export function firstDataDays(products: readonly string[], provider: Pick<CatalogProvider, "pay_enabled">, sla: SlaRules) {
  const groups = productsByGroup(products);
  return {
    org: groups.org.length > 0 ? sla.orgDays : null,
    pay: groups.pay.length > 0 ? (provider.pay_enabled ? sla.payEnabledDays : sla.payDays) : null,
  };
}

/** When first data is due per requested group, counted from when the token was created. */
export function firstDataDue(
  products: readonly string[],
  provider: Pick<CatalogProvider, "pay_enabled">,
  sla: SlaRules,
  tokenCreatedAt: Date,
): { group: ProductGroup; products: string[]; due_at: Date }[] {
  const groups = productsByGroup(products);
  const days = firstDataDays(products, provider, sla);
  const due: { group: ProductGroup; products: string[]; due_at: Date }[] = [];
  if (days.org !== null) due.push({ group: "org", products: groups.org, due_at: addDays(tokenCreatedAt, days.org) });
  if (days.pay !== null) due.push({ group: "pay", products: groups.pay, due_at: addDays(tokenCreatedAt, days.pay) });
  return due;
}
