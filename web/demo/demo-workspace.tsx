import { useFinchConnect } from "@tryfinch/react-connect";
import { useState } from "react";
import { Card } from "../ui/card.js";
import { errorMessage } from "../ui/fetch-json.js";
import { CodeSnippets } from "./code-snippets.js";
import { ConnectOutcome, type Outcome } from "./connect-outcome.js";
import { connectBaseUrl, createSession, type DemoConfig, exchangeCode } from "./demo-api.js";
import { initialSessionRequest, SessionForm } from "./session-form.js";

/** Props of {@link DemoWorkspace}. */
export interface DemoWorkspaceProps {
  /** An available demo config; must not change after mount (react-connect keeps its first options). */
  config: DemoConfig;
}

/** The demo proper: session form, embedded Connect, the result, and the code behind each step. */
export function DemoWorkspace({ config }: DemoWorkspaceProps) {
  const [request, setRequest] = useState(initialSessionRequest);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [connectUrl] = useState(() => connectBaseUrl(config));

  // react-connect captures these callbacks once, so they may only use stable things (state setters, module functions).
  const { open } = useFinchConnect({
    apiConfig: { connectUrl },
    onSuccess: ({ code }) => {
      setOutcome({ kind: "exchanging" });
      exchangeCode(code).then(
        (exchange) => setOutcome({ kind: "connected", exchange }),
        (failure: unknown) => setOutcome({ kind: "error", message: errorMessage(failure) }),
      );
    },
    // Connect shows an employer's mistake (a wrong password) itself and stays open for a retry; only errors that
    // close Connect end the attempt. The SDK passes both kinds here, told apart by their type.
    onError: ({ errorMessage: message, errorType }) => {
      if (errorType === "employer_connection_error") return;
      setOutcome({ kind: "error", message: errorType ? `${message} (${errorType})` : message });
    },
    onClose: () => setOutcome({ kind: "closed" }),
  });

  const start = async () => {
    setOutcome({ kind: "opening" });
    try {
      const session = await createSession(request, config.csrf_token);
      setOutcome({ kind: "open" });
      open({ sessionId: session.session_id });
    } catch (failure) {
      setOutcome({ kind: "error", message: errorMessage(failure) });
    }
  };

  const snippetValues = {
    apiBase: window.location.origin,
    connectUrl,
    clientId: config.client_id ?? "<client_id>",
    request,
  };

  return (
    <>
      <div>
        <h1 className="step-heading">{config.application_name ?? "Demo app"}</h1>
        <p className="muted">
          A stand-in for your own product: it creates a Connect session on its server, opens Connect over this page, then exchanges the
          code, reads what the new connection can do and calls the data API with its token.
        </p>
      </div>
      <div className="demo-grid">
        <Card>
          <h2 className="section-title">Connect an employer</h2>
          <SessionForm
            value={request}
            onChange={setRequest}
            onSubmit={start}
            busy={outcome.kind === "opening"}
            signedIn={config.signed_in}
          />
        </Card>
        <Card testId="demo-result">
          <h2 className="section-title">Result</h2>
          <ConnectOutcome outcome={outcome} />
        </Card>
      </div>
      <Card>
        <h2 className="section-title">How it works</h2>
        <CodeSnippets values={snippetValues} />
      </Card>
    </>
  );
}
