import type { ReactNode } from "react";
import type { AssistedInstructions as Instructions } from "../../contracts/linnet/connect-flow.js";
import { CopyButton } from "./copy-button.js";

/** Props of {@link AssistedInstructions}. */
export interface AssistedInstructionsProps {
  instructions: Instructions;
  /** Show the expected-timing line (the status page shows exact dates instead). */
  showTiming?: boolean;
}

/** The heading sentence of the instructions: "Give Ada Lovelace admin access in Gusto". */
export function instructionsTitle(i: Instructions): string {
  return `Give ${i.first_name} ${i.last_name} admin access in ${i.display_name}`;
}

/** Lets a long address wrap after the "@" rather than mid-domain (copying still yields the plain text). */
export function breakAfterAt(email: string): ReactNode {
  const at = email.lastIndexOf("@");
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "Your data will be ready within 14 days, pay data within 42 days." or null when no timing is known. */
export function timingSentence(expected: Instructions["expected_days"]): string | null {
  if (expected.org !== null && expected.pay !== null) {
    return `Your data will be ready within ${days(expected.org)}, pay data within ${days(expected.pay)}.`;
  }
  if (expected.org !== null) return `Your data will be ready within ${days(expected.org)}.`;
  if (expected.pay !== null) return `Your pay data will be ready within ${days(expected.pay)}.`;
  return null;
}

/** What the employer must do in their provider for an assisted connection: invite email, role, steps, timing. */
export function AssistedInstructions({ instructions: i, showTiming = true }: AssistedInstructionsProps) {
  const timing = showTiming ? timingSentence(i.expected_days) : null;
  return (
    <div className="instructions">
      <p className="field-label">{i.method === "contact_rep" ? "Ask your representative to add this email" : "Invite this email"}</p>
      <div className="invite-box">
        <code data-testid="invite-email">{breakAfterAt(i.invite_email)}</code>
        <CopyButton text={i.invite_email} label="Copy invite email" />
      </div>
      <p>
        Role: <strong data-testid="invite-role">{i.role}</strong>
      </p>
      {i.steps.length > 0 && (
        <ol className="steps">
          {i.steps.map((step, index) => (
            // Steps are plain strings that may repeat; their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: static list, never reordered
            <li key={index}>{step}</li>
          ))}
        </ol>
      )}
      {timing && (
        <p className="timing" data-testid="expected-timing">
          {timing}
        </p>
      )}
    </div>
  );
}
