import type { ButtonHTMLAttributes } from "react";

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the one main action of a step; secondary: alternatives; danger: confirms a destructive action; link: inline text actions like "Back". */
  variant?: "primary" | "secondary" | "danger" | "link";
  /** Stretch to the card's width (the default for primary actions on narrow pages). */
  block?: boolean;
}

/** A button in one of three visual weights; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant = "primary", block = false, className, type = "button", ...rest }: ButtonProps) {
  const classes = ["btn", `btn-${variant}`, block ? "btn-block" : "", className ?? ""].filter(Boolean).join(" ");
  return <button type={type} className={classes} {...rest} />;
}
