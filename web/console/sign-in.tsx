import { type FormEvent, useState } from "react";
import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { StepHeading } from "../ui/step-heading.js";
import { TextField } from "../ui/text-field.js";
import { useAction } from "../ui/use-action.js";
import type { ConsoleSession } from "./console-types.js";
import { signIn } from "./session-api.js";

/** Props of {@link SignIn}. */
export interface SignInProps {
  onSignedIn: (session: ConsoleSession) => void;
  /** Why the form is shown again (e.g. the session expired). */
  notice?: string | null;
  /** The form's heading (the developer dashboard shows its own). */
  title?: string;
}

/** The sign-in form for operators and admins; the server's refusal (wrong password, lockout) shows as an alert. */
export function SignIn({ onSignedIn, notice = null, title = "Sign in to operations" }: SignInProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (action.busy) return;
    const session = await action.run(() => signIn(email.trim(), password));
    if (session) onSignedIn(session);
    else setPassword("");
  };

  return (
    <div className="signin">
      <Card className="sheet">
        <StepHeading>{title}</StepHeading>
        {notice && <p className="notice">{notice}</p>}
        <form className="form" onSubmit={submit}>
          <TextField label="Email" value={email} onChange={setEmail} autoComplete="username" testId="login-email" />
          <TextField
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            testId="login-password"
          />
          <ErrorBanner message={action.error} testId="login-error" />
          <Button type="submit" block disabled={action.busy} data-testid="login-submit">
            {action.busy ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
