import { useEffect, useState } from "react";

/**
 * Client-side navigation over the History API, shared by the operations console and the developer dashboard: the
 * server answers every `/ops/*` and `/dashboard/*` path with its page, which routes on the client.
 */

const CHANGE = "console:navigate";

/** Goes to an internal URL without reloading; `replace` rewrites the current entry (filters, paging). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  window.dispatchEvent(new Event(CHANGE));
  if (!options.replace) window.scrollTo(0, 0);
}

/** The current location. */
export interface Location {
  pathname: string;
  search: string;
}

const current = (): Location => ({ pathname: window.location.pathname, search: window.location.search });

/** The current location, updated on {@link navigate} and on the browser's back and forward buttons. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}
