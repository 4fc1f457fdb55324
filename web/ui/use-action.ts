import { useState } from "react";
import { errorMessage } from "./fetch-json.js";

/** State and trigger of a mutation (claim, publish, …). */
export interface Action {
  /** A call is in flight (its buttons disable themselves). */
  busy: boolean;
  /** The last failure in the server's words. */
  error: string | null;
  /** Runs the call; resolves with its value, or null on failure (recorded in `error`). Never rejects. */
  run: <T>(call: () => Promise<T>) => Promise<T | null>;
  /** Forgets the last failure. */
  clearError: () => void;
}

/** Tracks busy and error state of the mutations a component makes, one at a time. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async <T>(call: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (failure) {
      setError(errorMessage(failure));
      return null;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run, clearError: () => setError(null) };
}
