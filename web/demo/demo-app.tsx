import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { Page } from "../ui/page.js";
import { Spinner } from "../ui/spinner.js";
import { useLoad } from "../ui/use-load.js";
import { getConfig } from "./demo-api.js";
import { DemoCallback } from "./demo-callback.js";
import { DemoWorkspace } from "./demo-workspace.js";

/** The redirect flow's landing page is the same bundle at another path. */
const CALLBACK = window.location.pathname.replace(/\/+$/, "") === "/demo/callback";

/** The demo of a developer's app at `/demo`: loads the config, then shows the workspace (or why it cannot). */
export function DemoApp() {
  const { data: config, error } = useLoad("config", getConfig);

  return (
    <Page width="wide">
      {config === null && error === null && <Spinner label="Loading demo…" />}
      <ErrorBanner message={error} testId="demo-error" />
      {config && !config.available && (
        <Card testId="demo-unavailable">
          <h1 className="step-heading">There is no demo application</h1>
          <p>
            The demo needs an application to act as. Linnet creates one when <code>linnet serve</code> starts on an empty data directory:
            stop the server, point it at a new data directory and start it again.
          </p>
        </Card>
      )}
      {/* Mounted only once the config is known: react-connect reads its options once, at mount. */}
      {config?.available && (CALLBACK ? <DemoCallback /> : <DemoWorkspace config={config} />)}
    </Page>
  );
}
