import { useEffect, useState } from "react";
import type { ConnectFlow } from "../../contracts/linnet/connect-flow.js";
import { errorMessage } from "../ui/fetch-json.js";
import { startFlow } from "./connect-api.js";
import { embeddedOriginFromQuery, postLoadError } from "./host-messages.js";

/** Where loading the flow stands. */
export type FlowLoad =
  | { status: "loading" }
  | { status: "error"; message: string; embeddedOrigin: string | null }
  | { status: "ready"; flow: ConnectFlow };

/** Starts the Connect flow once for this page's query string; on failure also tells the embedding page. */
export function useConnectFlow(search: string): FlowLoad {
  const [load, setLoad] = useState<FlowLoad>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    startFlow(search).then(
      (flow) => {
        if (!cancelled) setLoad({ status: "ready", flow });
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = errorMessage(error);
        const embeddedOrigin = embeddedOriginFromQuery(search);
        if (embeddedOrigin !== null) postLoadError(embeddedOrigin, message);
        setLoad({ status: "error", message, embeddedOrigin });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [search]);

  return load;
}
