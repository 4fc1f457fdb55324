import type { AuthorizeResponse, ConnectFlow, FlowAuthMethod, FlowProvider } from "../../contracts/linnet/connect-flow.js";

/** Where the employer is in Connect. */
export type Step =
  | { kind: "consent" }
  | { kind: "picker" }
  | { kind: "provider"; provider: FlowProvider; method: FlowAuthMethod }
  | {
      kind: "success";
      provider: FlowProvider;
      method: FlowAuthMethod;
      result: AuthorizeResponse;
      /** The address the employer still has to invite (chose "I'll do it later"); null when nothing is left to do. */
      pendingInvite: string | null;
    };

/** The step after a provider is chosen, honouring an auth method forced by the session. */
export function providerStep(provider: FlowProvider, forcedMethod: FlowAuthMethod | null = null): Step {
  return { kind: "provider", provider, method: forcedMethod ?? provider.auth_method };
}

/** The step after consent: the preselected provider when the session names one we know, else the picker. */
export function afterConsent(flow: ConnectFlow): Step {
  const preselected = flow.preselected;
  const provider = preselected && flow.providers.find((p) => p.id === preselected.provider_id);
  return provider ? providerStep(provider, preselected.auth_method) : { kind: "picker" };
}

/** Where "Back" goes from a provider step: the picker, or consent when the picker was skipped. */
export function beforeProvider(flow: ConnectFlow): Step {
  return afterConsent(flow).kind === "picker" ? { kind: "picker" } : { kind: "consent" };
}
