import { createContext, useContext } from "react";
import type { ConsoleUser } from "./console-types.js";

/** The signed-in user, for "assigned to me" decisions deep in the tree. */
export const SessionContext = createContext<ConsoleUser | null>(null);

/** The signed-in user; only used below the sign-in gate, where there always is one. */
export function useCurrentUser(): ConsoleUser {
  const user = useContext(SessionContext);
  if (user === null) throw new Error("useCurrentUser outside the signed-in console");
  return user;
}
