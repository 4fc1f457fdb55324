import { createContext, useContext, useEffect } from "react";

/** The site a page belongs to ("Linnet Operations", "Linnet Dashboard"): the last part of every title. */
export const SiteNameContext = createContext("Linnet");

/** Sets the document title to "<title> · <site>" (e.g. "Work queue · Linnet Operations"); null leaves it as it is. */
export function usePageTitle(title: string | null): void {
  const site = useContext(SiteNameContext);
  useEffect(() => {
    if (title !== null) document.title = `${title} · ${site}`;
  }, [title, site]);
}
