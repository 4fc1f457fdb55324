import { useCallback, useRef, useState } from "react";
import type { AuthorizeResponse, ConnectFlow } from "../../contracts/linnet/connect-flow.js";
import { Page } from "../ui/page.js";
import { AssistedStep } from "./assisted-step.js";
import { CloseButton } from "./close-button.js";
import { ConsentStep } from "./consent-step.js";
import { CredentialStep } from "./credential-step.js";
import { cancelFlow, completeFlow } from "./host-messages.js";
import { ProviderPicker } from "./provider-picker.js";
import { afterConsent, beforeProvider, providerStep, type Step } from "./steps.js";
import { SuccessStep } from "./success-step.js";

/** Props of {@link FlowView}. */
export interface FlowViewProps {
  flow: ConnectFlow;
}

/** The Connect steps for a loaded flow: consent → provider picker → assisted or credential → success. */
export function FlowView({ flow }: FlowViewProps) {
  const [step, setStep] = useState<Step>({ kind: "consent" });
  // The code must reach the developer exactly once, whether by the success timer or by an early close.
  const completed = useRef(false);

  const complete = useCallback(
    (result: AuthorizeResponse) => {
      if (completed.current) return;
      completed.current = true;
      completeFlow(flow, result);
    },
    [flow],
  );

  // Closing after authorize must still deliver the code, or the connection would be orphaned.
  const close = () => (step.kind === "success" ? complete(step.result) : cancelFlow(flow));

  const back = () => setStep(step.kind === "picker" ? { kind: "consent" } : beforeProvider(flow));
  const succeed = (result: AuthorizeResponse, pendingInvite: string | null = null) => {
    if (step.kind === "provider") setStep({ ...step, kind: "success", result, pendingInvite });
  };

  return (
    <Page headerAction={<CloseButton onClick={close} />}>
      {step.kind === "consent" && <ConsentStep flow={flow} onContinue={() => setStep(afterConsent(flow))} />}
      {step.kind === "picker" && <ProviderPicker flow={flow} onBack={back} onPick={(provider) => setStep(providerStep(provider))} />}
      {step.kind === "provider" && step.method === "assisted" && (
        <AssistedStep key={step.provider.id} flow={flow} provider={step.provider} onBack={back} onAuthorized={succeed} />
      )}
      {step.kind === "provider" && step.method !== "assisted" && (
        <CredentialStep
          key={step.provider.id}
          flow={flow}
          provider={step.provider}
          method={step.method}
          onBack={back}
          onAuthorized={succeed}
        />
      )}
      {step.kind === "success" && (
        <SuccessStep
          assisted={step.method === "assisted"}
          pendingInvite={step.pendingInvite}
          provider={step.provider}
          result={step.result}
          onComplete={complete}
        />
      )}
    </Page>
  );
}
