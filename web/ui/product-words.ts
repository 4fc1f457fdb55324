import { PRODUCT_DESCRIPTIONS } from "../../contracts/finch/product-words.js";

/** A requested product in plain words. */
export interface ProductWords {
  /** The product scope(s) behind this entry (`deduction` and `benefits` share one). */
  products: string[];
  label: string;
  description: string;
}

function describe(product: string): { label: string; description: string } {
  // Object.hasOwn keeps "constructor" and friends out, and narrows an arbitrary server string to a known product.
  if (Object.hasOwn(PRODUCT_DESCRIPTIONS, product)) {
    return PRODUCT_DESCRIPTIONS[product as keyof typeof PRODUCT_DESCRIPTIONS];
  }
  return { label: product, description: "" };
}

/** Plain-words entries for product scopes, merged by label so aliases (deduction/benefits) appear once. */
export function productWords(products: readonly string[]): ProductWords[] {
  const byLabel = new Map<string, ProductWords>();
  for (const product of products) {
    const { label, description } = describe(product);
    const existing = byLabel.get(label);
    if (existing) existing.products.push(product);
    else byLabel.set(label, { products: [product], label, description });
  }
  return [...byLabel.values()];
}

/** Comma-separated labels, e.g. "Payroll runs, Pay statements". */
export function productLabels(products: readonly string[]): string {
  return productWords(products)
    .map((p) => p.label)
    .join(", ");
}
