import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { Page } from "../ui/page.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { CloseButton } from "./close-button.js";
import { FlowView } from "./flow-view.js";
import { postClosed } from "./host-messages.js";
import { useConnectFlow } from "./use-connect-flow.js";

/** The hosted Connect page served at `/authorize?…`: loads the flow, then hands it to {@link FlowView}. */
export function ConnectApp() {
  const load = useConnectFlow(window.location.search);

  if (load.status === "ready") return <FlowView flow={load.flow} />;

  if (load.status === "loading") {
    return (
      <Page>
        <Spinner label="Loading Connect…" />
      </Page>
    );
  }

  // The flow never loaded, so only the embedding page (if any) can be told about closing.
  const origin = load.embeddedOrigin;
  const close = origin === null ? undefined : () => postClosed(origin);
  return (
    <Page headerAction={close && <CloseButton onClick={close} />}>
      <StepHeading>We can't open Connect</StepHeading>
      <ErrorBanner message={load.message} />
      <p className="muted">Ask the application that sent you here for a new link.</p>
      {close && (
        <Button block onClick={close}>
          Close
        </Button>
      )}
    </Page>
  );
}
