import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { formatDate, formatDateTime, statusWords } from "../ui/format.js";
import { Spinner } from "../ui/spinner.js";
import { useLoad } from "../ui/use-load.js";
import { callData, type DemoDataResponse, type DemoExchangeResponse } from "./demo-api.js";

/** Props of {@link DataCall}. */
export interface DataCallProps {
  exchange: DemoExchangeResponse;
  /** Told the connection's status after every call, so the pill above stays true. */
  onStatus: (status: string) => void;
}

/** The data endpoint the demo reads: the directory when granted, else the company. */
function pathFor(exchange: DemoExchangeResponse): DemoDataResponse["path"] {
  const products = Array.isArray(exchange.introspection.products) ? (exchange.introspection.products as string[]) : [];
  return products.includes("directory") || !products.includes("company") ? "/employer/directory" : "/employer/company";
}

/** What the answer means, in words: the 202 with its expected date, or the data with when it was retrieved. */
function answerWords(answer: DemoDataResponse): string {
  if (answer.status === 202) {
    const when = answer.data_expected ? ` It is expected by ${formatDate(answer.data_expected)}.` : "";
    return `202 Accepted: the connection is ${statusWords(answer.connection_status).toLowerCase()} and its data has not been pulled yet.${when} Call again later.`;
  }
  if (answer.status === 200) {
    const when = answer.data_retrieved ? ` retrieved ${formatDateTime(answer.data_retrieved)}` : "";
    return `200 OK: data${when}.`;
  }
  return `${answer.status}: the data API refused the call.`;
}

/** The developer's server calling the data API with the token it received, as a real app would after connecting. */
export function DataCall({ exchange, onStatus }: DataCallProps) {
  const path = pathFor(exchange);
  const {
    data: answer,
    error,
    loading: busy,
    reload: call,
  } = useLoad(`${exchange.token_handle} ${path}`, async () => {
    const next = await callData({ token_handle: exchange.token_handle, path });
    onStatus(next.connection_status);
    return next;
  });

  return (
    <>
      <h3 className="section-title">GET {path}</h3>
      <ErrorBanner message={error} />
      {answer === null && busy && <Spinner label="Calling the data API…" />}
      {answer && (
        <>
          <p data-testid="data-status" data-code={answer.status} className={answer.status === 200 ? "result-ok" : undefined}>
            {answerWords(answer)}
          </p>
          {answer.body !== null && (
            <pre className="json-block" data-testid="data-body">
              {JSON.stringify(answer.body, null, 2)}
            </pre>
          )}
        </>
      )}
      <Button variant="secondary" onClick={() => void call()} disabled={busy} data-testid="data-again">
        {busy ? "Calling…" : "Call again"}
      </Button>
    </>
  );
}
