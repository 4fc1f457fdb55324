import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "./fetch-json.js";

/** What {@link useLoad} tracks about one GET. */
export interface Loaded<T> {
  /** The last answer (kept while a new key loads, so lists don't flash). */
  data: T | null;
  /** The last failure's message (kept while the same call runs again, so a polled error does not blink). */
  error: string | null;
  /** A load for the current key is in flight. */
  loading: boolean;
  /** When `data` arrived (ms since the epoch); countdowns measure from here. */
  loadedAt: number;
  /** Loads the current key again. */
  reload: () => Promise<void>;
  /** Replaces the data with what a mutation answered. */
  setData: (data: T) => void;
}

interface State<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  loadedAt: number;
}

/**
 * The one data-loading hook of every page: loads `load(key)` whenever `key` changes, ignoring answers that arrive
 * after the key moved on; `reload` loads again, `setData` takes what a mutation (see useAction) answered.
 */
export function useLoad<T>(key: string, load: (key: string) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true, loadedAt: 0 });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latestKey = useRef(key);
  latestKey.current = key;

  const run = useCallback(async (forKey: string) => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current(forKey);
      if (latestKey.current === forKey) setState({ data, error: null, loading: false, loadedAt: Date.now() });
    } catch (failure) {
      if (latestKey.current === forKey) setState((s) => ({ ...s, error: errorMessage(failure), loading: false }));
    }
  }, []);

  useEffect(() => {
    void run(key);
  }, [key, run]);

  const reload = useCallback(() => run(latestKey.current), [run]);
  const setData = useCallback((data: T) => setState({ data, error: null, loading: false, loadedAt: Date.now() }), []);
  return { ...state, reload, setData };
}
