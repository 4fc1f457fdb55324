import { productWords } from "./product-words.js";

/** Props of {@link ProductList}. */
export interface ProductListProps {
  /** Product scopes as requested (any order, aliases allowed). */
  products: readonly string[];
}

/** The requested products as a list of label + one-line description. */
export function ProductList({ products }: ProductListProps) {
  const words = productWords(products);
  if (words.length === 0) return <p className="muted">No data was requested.</p>;
  return (
    <ul className="product-list">
      {words.map((p) => (
        <li key={p.label} data-testid={`product-${p.products[0]}`}>
          <span className="product-label">{p.label}</span>
          {p.description && <span className="product-description">{p.description}</span>}
        </li>
      ))}
    </ul>
  );
}
