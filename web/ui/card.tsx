import type { ReactNode } from "react";

/** Props of {@link Card}. */
export interface CardProps {
  children: ReactNode;
  /** Extra class names (e.g. "card-wide"). */
  className?: string;
  /** Test id for end-to-end tests. */
  testId?: string;
}

/** A white rounded panel: the container of every step and section. */
export function Card({ children, className, testId }: CardProps) {
  return (
    <section className={["card", className ?? ""].filter(Boolean).join(" ")} data-testid={testId}>
      {children}
    </section>
  );
}
