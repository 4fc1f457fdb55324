import type { ConnectionState } from "../../db/schema/types/statuses.js";

/** Every state a connection can be in: the API's ConnectionStatus values plus `disconnected` (defined with the column). */
export type { ConnectionState };

/**
 * Legal moves. Assisted connections walk pending → processing → connected with the error side exits;
 * automated ones only know connected ↔ reauth. Everything may be disconnected; nothing comes back from it.
 */
export const CONNECTION_TRANSITIONS: Record<ConnectionState, readonly ConnectionState[]> = {
  pending: ["processing", "connected", "error_no_account_setup", "error_permissions", "disconnected"],
  processing: ["connected", "pending", "error_no_account_setup", "error_permissions", "disconnected"],
  error_no_account_setup: ["processing", "pending", "disconnected"],
  error_permissions: ["processing", "pending", "disconnected"],
  connected: ["reauth", "error_permissions", "disconnected"],
  reauth: ["connected", "disconnected"],
  disconnected: [],
};

/** Whether `from → to` is a legal move. */
export function canTransition(from: ConnectionState, to: ConnectionState): boolean {
  return CONNECTION_TRANSITIONS[from].includes(to);
}

/** Dashboard label for a state. */
export function statusLabel(state: ConnectionState): "PENDING" | "PROCESSING" | "CONNECTED" | "DISCONNECTED" | "NEEDS ATTENTION" {
  switch (state) {
    case "pending":
      return "PENDING";
    case "processing":
      return "PROCESSING";
    case "connected":
      return "CONNECTED";
    case "disconnected":
      return "DISCONNECTED";
    default:
      return "NEEDS ATTENTION";
  }
}

/** Default human message for a state, as introspection shows it. */
export function statusMessage(state: ConnectionState, providerName: string): string {
  switch (state) {
    case "pending":
      return `Waiting for the employer to give administrator access in ${providerName}.`;
    case "processing":
      return `The employer reported granting access in ${providerName}; our operations team is verifying it and pulling the first data.`;
    case "connected":
      return "Connected.";
    case "error_no_account_setup":
      return `No administrator invitation has arrived from ${providerName}. The employer needs to follow the instructions again.`;
    case "error_permissions":
      return `The administrator access granted in ${providerName} lacks permissions we need. The employer needs to fix the role.`;
    case "reauth":
      return "The employer needs to re-authenticate this connection.";
    case "disconnected":
      return "Disconnected.";
  }
}
