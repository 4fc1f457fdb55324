import { PRODUCTS } from "../../../contracts/finch/products.js";
import type { CatalogProvider } from "../catalog/catalog.js";
import { fail, ok, type Result } from "../errors.js";

/** Products that guard employer data, and the snapshot group holding each. */
export const PRODUCT_GROUP = {
  company: "org",
  directory: "org",
  individual: "org",
  employment: "org",
  documents: "org",
  payment: "pay",
  pay_statement: "pay",
} as const;
/** A product with employer data behind it. */
export type DataProduct = keyof typeof PRODUCT_GROUP;

/** Validate and de-duplicate requested products. `field` names the input in error messages. */
export function checkRequestedProducts(products: readonly string[], field = "products"): Result<string[]> {
  const unique = [...new Set(products)];
  if (unique.length === 0) return fail("invalid_request", `${field}: at least one product is required`);
  const unknown = unique.filter((p) => !(PRODUCTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    return fail(
      "invalid_request",
      `${field}: unknown product ${unknown.map((u) => `"${u}"`).join(", ")}; expected one of ${PRODUCTS.join(", ")}`,
    );
  }
  if (unique.includes("benefits") && unique.includes("deduction")) {
    return fail("invalid_request", `${field}: "deduction" is a deprecated alias of "benefits"; request only one of them`);
  }
  return ok(unique);
}

/** Products a provider supplies through another: `deduction` is `benefits`, and plans are read from benefits data. */
const SUPPLIED_AS: Readonly<Record<string, string>> = {
  deduction: "benefits",
  plans: "benefits",
  plans_enrollments: "benefits",
  plans_dependents: "benefits",
};

/** Requested products the provider cannot supply. */
export function unsupportedProducts(requested: readonly string[], provider: CatalogProvider): string[] {
  const supported = new Set<string>(provider.products);
  return requested.filter((p) => !supported.has(SUPPLIED_AS[p] ?? p));
}

/** The products a connection is granted: what was requested and the provider supplies. */
export function grantedProducts(requested: readonly string[], provider: CatalogProvider): string[] {
  const missing = new Set(unsupportedProducts(requested, provider));
  return requested.filter((p) => !missing.has(p));
}
