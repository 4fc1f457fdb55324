import { Spinner } from "../ui/spinner.js";
import type { DemoExchangeResponse } from "./demo-api.js";

/** What happened to the last Connect attempt. */
export type Outcome =
  | { kind: "idle" }
  | { kind: "opening" }
  | { kind: "open" }
  | { kind: "exchanging" }
  | { kind: "connected"; exchange: DemoExchangeResponse }
  | { kind: "error"; message: string }
  | { kind: "closed" };

/** Props of {@link ConnectOutcome}. */
export interface ConnectOutcomeProps {
  outcome: Outcome;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The result panel: what the developer's server learned, or why nothing was connected. */
export function ConnectOutcome({ outcome }: ConnectOutcomeProps) {
  switch (outcome.kind) {
    case "idle":
      return <p className="muted">Fill in the form and press “Connect employer”. The result shows here.</p>;
    case "opening":
    case "exchanging":
      return <Spinner label={outcome.kind === "opening" ? "Creating a session…" : "Exchanging the code…"} />;
    case "open":
      return <p className="muted">Connect is open. Finish or close it to see what comes back.</p>;
    case "closed":
      return (
        <p role="status" data-testid="demo-closed">
          Connect was closed
        </p>
      );
    case "error":
      return (
        <div className="error-banner" role="alert" data-testid="demo-error">
          {outcome.message}
        </div>
      );
    case "connected":
      return (
        <>
          <p className="result-ok" role="status" data-testid="demo-connected">
            Connected
          </p>
          <p className="small">
            Access token (kept on the server): <code>{outcome.exchange.access_token_preview}</code>
          </p>
          <h3 className="section-title">GET /introspect</h3>
          <pre data-testid="introspection">{pretty(outcome.exchange.introspection)}</pre>
          <h3 className="section-title">POST /auth/token</h3>
          <pre data-testid="token">{pretty(outcome.exchange.token)}</pre>
        </>
      );
  }
}
