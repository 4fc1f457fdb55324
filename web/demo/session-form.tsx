import type { FormEvent } from "react";
import { Button } from "../ui/button.js";
import { productLabels } from "../ui/product-words.js";
import { TextField } from "../ui/text-field.js";
import { Checkbox } from "./checkbox.js";
import type { DemoSessionRequest } from "./demo-api.js";

/** Products the demo offers, in the order shown. */
export const DEMO_PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"] as const;

/** A fresh form: the first four products, assisted providers and sandbox on. */
export function initialSessionRequest(): DemoSessionRequest {
  const suffix = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  return {
    customer_name: "Acme Inc",
    customer_id: `acme-${suffix}`,
    products: DEMO_PRODUCTS.slice(0, 4),
    manual: true,
    sandbox: true,
  };
}

/** Props of {@link SessionForm}. */
export interface SessionFormProps {
  value: DemoSessionRequest;
  onChange: (value: DemoSessionRequest) => void;
  onSubmit: () => void;
  /** A session is being created (the button disables itself). */
  busy: boolean;
  /** A console user is signed in: only then may the demo create a real (non-sandbox) connection. */
  signedIn: boolean;
}

/** What the developer's app would know about its customer, and which data it wants. */
export function SessionForm({ value, onChange, onSubmit, busy, signedIn }: SessionFormProps) {
  const set = (patch: Partial<DemoSessionRequest>) => onChange({ ...value, ...patch });
  // Rebuild from DEMO_PRODUCTS so the order stays stable whatever order the boxes are ticked in.
  const toggle = (product: string, checked: boolean) =>
    set({ products: DEMO_PRODUCTS.filter((p) => (p === product ? checked : value.products.includes(p))) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const ready = value.products.length > 0 && value.customer_name.trim() !== "" && value.customer_id.trim() !== "";

  return (
    <form className="form" onSubmit={submit}>
      <TextField
        label="Customer name"
        value={value.customer_name}
        onChange={(v) => set({ customer_name: v })}
        testId="demo-customer-name"
      />
      <TextField label="Customer id" value={value.customer_id} onChange={(v) => set({ customer_id: v })} testId="demo-customer-id" />
      <fieldset>
        <legend className="field-label">Products</legend>
        <div className="checkbox-grid">
          {DEMO_PRODUCTS.map((product) => (
            <Checkbox
              key={product}
              label={productLabels([product])}
              checked={value.products.includes(product)}
              onChange={(checked) => toggle(product, checked)}
              testId={`demo-product-${product}`}
            />
          ))}
        </div>
      </fieldset>
      <Checkbox
        label="Show assisted providers (manual)"
        checked={value.manual}
        onChange={(manual) => set({ manual })}
        testId="demo-manual"
      />
      {signedIn ? (
        <Checkbox label="Sandbox" checked={value.sandbox} onChange={(sandbox) => set({ sandbox })} testId="demo-sandbox" />
      ) : (
        <p className="small muted" data-testid="demo-sandbox-only">
          Sandbox only: a real connection goes to the operations team, so it needs you to <a href="/dashboard">sign in to the console</a>{" "}
          first.
        </p>
      )}
      <Button type="submit" block disabled={busy || !ready} data-testid="demo-connect">
        {busy ? "Opening Connect…" : "Connect employer"}
      </Button>
    </form>
  );
}
