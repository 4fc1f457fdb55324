import { type FormEvent, useState } from "react";
import type { AuthorizeResponse, ConnectFlow, FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { StepHeading } from "../ui/step-heading.js";
import { TextField } from "../ui/text-field.js";
import { BackLink } from "./back-link.js";
import { postCredentialError } from "./host-messages.js";
import { PreviewButton } from "./preview-button.js";
import { useAuthorize } from "./use-authorize.js";

/** Props of {@link CredentialStep}. */
export interface CredentialStepProps {
  flow: ConnectFlow;
  provider: FlowProvider;
  method: "credential" | "api_token";
  onBack: () => void;
  onAuthorized: (result: AuthorizeResponse) => void;
}

/** Step d: sign in to an automated provider with username + password, or with an API token. */
export function CredentialStep({ flow, provider, method, onBack, onAuthorized }: CredentialStepProps) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [apiToken, setApiToken] = useState("");
  const { busy, error, submit } = useAuthorize(flow);
  const sandbox = flow.sandbox !== null || provider.id.startsWith("sandbox_");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (flow.preview || busy) return;
    const secrets = method === "api_token" ? { api_token: apiToken } : { username, password };
    const outcome = await submit({ provider_id: provider.id, auth_method: method, ...secrets });
    if (outcome.ok) {
      onAuthorized(outcome.result);
    } else if (flow.sdk_host_origin !== null) {
      // The SDK reports it through onError but keeps Connect open (shouldClose: false) for another try.
      postCredentialError(flow.sdk_host_origin, outcome.message);
    }
  };

  return (
    <>
      <BackLink onClick={onBack} />
      <StepHeading>Sign in to {provider.display_name}</StepHeading>
      <p className="muted">
        {method === "api_token"
          ? `Paste an API token created in ${provider.display_name}.`
          : `Use an administrator login for ${provider.display_name}.`}
      </p>
      <form className="form" onSubmit={onSubmit}>
        {method === "api_token" ? (
          <TextField label="API token" type="password" value={apiToken} onChange={setApiToken} testId="api-token" autoComplete="off" />
        ) : (
          <>
            <TextField label="Username" value={username} onChange={setUsername} testId="username" autoComplete="username" />
            <TextField
              label="Password"
              type="password"
              value={password}
              onChange={setPassword}
              testId="password"
              autoComplete="current-password"
            />
          </>
        )}
        {sandbox && (
          <p className="hint" data-testid="sandbox-hint">
            Sandbox: use {method === "api_token" ? "good_token" : "good_user / good_pass"}
          </p>
        )}
        <ErrorBanner message={error} />
        {flow.preview ? (
          <PreviewButton testId="credential-submit" />
        ) : (
          <Button type="submit" block disabled={busy} data-testid="credential-submit">
            {busy ? "Connecting…" : "Connect"}
          </Button>
        )}
      </form>
    </>
  );
}
