import { type ReactNode, useEffect, useRef } from "react";

/** Props of {@link StepHeading}. */
export interface StepHeadingProps {
  children: ReactNode;
  /** Test id for end-to-end tests. */
  testId?: string;
}

/**
 * The h1 of a step. It takes focus when it mounts, so keyboard and screen-reader users land at the top of each new
 * step instead of on a button that no longer exists.
 */
export function StepHeading({ children, testId }: StepHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="step-heading" data-testid={testId}>
      {children}
    </h1>
  );
}
