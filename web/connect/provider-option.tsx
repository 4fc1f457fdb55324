import type { FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { productLabels } from "../ui/product-words.js";

const CATEGORY_LABELS: Record<FlowProvider["category"], string> = {
  payroll: "Payroll",
  hris: "HR system",
  peo: "PEO",
};

/** Props of {@link ProviderOption}. */
export interface ProviderOptionProps {
  provider: FlowProvider;
  onPick: (provider: FlowProvider) => void;
}

/** One provider in the picker: swatch, name, category, "Assisted" badge and any products it cannot supply. */
export function ProviderOption({ provider, onPick }: ProviderOptionProps) {
  const missing = provider.unsupported_products;
  return (
    <button type="button" className="provider-option" data-testid={`provider-${provider.id}`} onClick={() => onPick(provider)}>
      <span className="swatch" style={{ backgroundColor: provider.primary_color }} aria-hidden="true" />
      <span className="provider-text">
        <span className="provider-name">{provider.display_name}</span>
        <span className="provider-meta">
          {CATEGORY_LABELS[provider.category]}
          {provider.auth_method === "assisted" && <span className="badge badge-assisted">Assisted</span>}
        </span>
        {missing.length > 0 && <span className="provider-missing">Doesn't provide: {productLabels(missing)}</span>}
      </span>
    </button>
  );
}
