import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { transitionConnection } from "./transition.js";

/** First data makes an assisted connection CONNECTED: calls now answer 200 with data. */
export async function markConnectedByPublish(
  deps: Pick<Deps, "db" | "clock" | "catalog" | "tokens">,
  connection: ConnectionRow,
  source: string,
): Promise<Result<ConnectionRow>> {
  if (!["pending", "processing", "error_no_account_setup", "error_permissions"].includes(connection.status)) return ok(connection);
  if (connection.status !== "processing" && connection.status !== "pending") {
    // error states go back through processing so the timeline shows the fix
    const moved = await transitionConnection(deps, connection, "processing", {
      actor: source,
      reason: "Access verified while publishing data",
    });
    if (!moved.ok) return moved;
    connection = moved.value;
  }
  return transitionConnection(deps, connection, "connected", { actor: source, reason: "First data published" });
}
