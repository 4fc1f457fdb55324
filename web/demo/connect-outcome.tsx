import { useState } from "react";
import { statusWords } from "../ui/format.js";
import { Spinner } from "../ui/spinner.js";
import { DataCall } from "./data-call.js";
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

const PILLS: Record<string, string> = {
  pending: "pill-pending",
  processing: "pill-processing",
  connected: "pill-connected",
  disconnected: "pill-disconnected",
};

/** The connection's status from introspection (`connection_status.status`). */
function introspectedStatus(exchange: DemoExchangeResponse): string {
  const status = exchange.introspection.connection_status as { status?: unknown } | undefined;
  return typeof status?.status === "string" ? status.status : "unknown";
}

/** The result of a finished Connect: the connection's real status, the data call, and what the server learned. */
function ConnectedResult({ exchange }: { exchange: DemoExchangeResponse }) {
  const [status, setStatus] = useState(() => introspectedStatus(exchange));
  return (
    <>
      <p role="status" className="demo-status-line">
        Token received. Connection status:{" "}
        <span className={`pill ${PILLS[status] ?? "pill-attention"}`} data-testid="demo-connection-status" data-status={status}>
          {statusWords(status)}
        </span>
      </p>
      <p className="small">
        Access token (kept on the server): <code>{exchange.access_token_preview}</code>
      </p>
      <DataCall exchange={exchange} onStatus={setStatus} />
      <h3 className="section-title">GET /introspect</h3>
      <pre className="json-block" data-testid="introspection">
        {pretty(exchange.introspection)}
      </pre>
      <h3 className="section-title">POST /auth/token</h3>
      <pre className="json-block" data-testid="token">
        {pretty(exchange.token)}
      </pre>
    </>
  );
}

/** The result panel: what the developer's server learned, or why nothing was connected. */
export function ConnectOutcome({ outcome }: ConnectOutcomeProps) {
  switch (outcome.kind) {
    case "idle":
      return <p className="muted">Fill in the form and press “Connect employer”. The result shows here.</p>;
    case "opening":
    case "exchanging":
      return <Spinner label={outcome.kind === "opening" ? "Creating a session…" : "Exchanging the code…"} />;
    case "open":
      return (
        <p className="muted" data-testid="demo-open">
          Connect is open. Finish or close it to see what comes back.
        </p>
      );
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
      return <ConnectedResult key={outcome.exchange.token_handle} exchange={outcome.exchange} />;
  }
}
