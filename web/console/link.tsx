import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./navigation.js";

/** Props of {@link Link}. */
export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/** Whether the click should open the link the browser's way (new tab, window, download). */
function browserHandles(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.defaultPrevented;
}

/** An internal link: a real `<a href>` (so it can be opened in a new tab) whose plain clicks route on the client. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (browserHandles(event) || rest.target) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}
