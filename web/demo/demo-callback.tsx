import { useEffect, useState } from "react";
import { Card } from "../ui/card.js";
import { errorMessage } from "../ui/fetch-json.js";
import { ConnectOutcome, type Outcome } from "./connect-outcome.js";
import { exchangeCode } from "./demo-api.js";

/** What the redirect brought back: a code, or Connect's `error` / `error_description`. */
function fromQuery(search: string): Outcome {
  const query = new URLSearchParams(search);
  const code = query.get("code");
  if (code) return { kind: "exchanging" };
  if (query.get("error") === "access_denied") return { kind: "closed" };
  const reason = query.get("error_description") ?? query.get("error");
  return { kind: "error", message: reason ? `Connect sent no code: ${reason}` : "Connect sent no code: open this page through Connect." };
}

/**
 * `/demo/callback`, the demo application's registered redirect URI: the redirect flow (`/authorize?…&redirect_uri=…`)
 * ends here with `?code=…&state=…`, and the demo's server exchanges the code exactly as in the embedded flow.
 */
export function DemoCallback() {
  const [outcome, setOutcome] = useState<Outcome>(() => fromQuery(window.location.search));

  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get("code");
    if (!code) return;
    // The code is single-use: drop it from the address bar so a reload does not try it again.
    window.history.replaceState(null, "", window.location.pathname);
    exchangeCode(code, true).then(
      (exchange) => setOutcome({ kind: "connected", exchange }),
      (failure: unknown) => setOutcome({ kind: "error", message: errorMessage(failure) }),
    );
  }, []);

  return (
    <>
      <div>
        <h1 className="step-heading">Linnet Demo App: back from Connect</h1>
        <p className="muted">
          Connect redirected the employer here with an authorization code. The demo's server exchanges it for a token, then reads the
          connection and its data. <a href="/demo">Back to the demo</a>
        </p>
      </div>
      <Card testId="demo-result">
        <h2 className="section-title">Result</h2>
        <ConnectOutcome outcome={outcome} />
      </Card>
    </>
  );
}
