import type { ConnectFlow } from "../../contracts/linnet/connect-flow.js";
import { Button } from "../ui/button.js";
import { ProductList } from "../ui/product-list.js";
import { StepHeading } from "../ui/step-heading.js";

/** Props of {@link ConsentStep}. */
export interface ConsentStepProps {
  flow: ConnectFlow;
  onContinue: () => void;
}

/** Step a: who is asking, for which employer, and for what data, in plain words. */
export function ConsentStep({ flow, onContinue }: ConsentStepProps) {
  return (
    <>
      {flow.preview && <p className="notice">Preview: you can look around, but nothing will be connected.</p>}
      {flow.sandbox !== null && (
        <p className="badge badge-sandbox" data-testid="sandbox-badge">
          Sandbox
        </p>
      )}
      <StepHeading>
        {flow.application_name} wants to {flow.reauth ? "reconnect" : "connect"} to your payroll/HR system
      </StepHeading>
      {flow.customer_name && (
        <p className="lead" data-testid="customer-name">
          For <strong>{flow.customer_name}</strong>
        </p>
      )}
      <h2 className="section-title">It is asking for access to</h2>
      <ProductList products={flow.products} />
      <p className="muted small">Next, choose the payroll or HR system your company uses.</p>
      <Button block onClick={onContinue} data-testid="consent-continue">
        Continue
      </Button>
    </>
  );
}
