import type { ReactNode } from "react";
import { CopyButton } from "../../ui/copy-button.js";
import { formatDateTime, humanize } from "../../ui/format.js";
import { productLabels } from "../../ui/product-words.js";
import type { OpsConnection } from "../ops-types.js";

/** Props of {@link ConnectionFacts}. */
export interface ConnectionFactsProps {
  connection: OpsConnection;
}

/** One term and its value, hidden when there is no value. */
function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Who the employer is, what was asked for, and how (the left column of the connection page). */
export function ConnectionFacts({ connection: c }: ConnectionFactsProps) {
  return (
    <dl className="facts ops-facts" data-testid="connection-facts">
      <Fact term="Employer" testId="customer-name">
        {c.customer_name ?? "Unnamed employer"}
      </Fact>
      <Fact term="Customer id" testId="customer-id">
        {c.customer_id && <code>{c.customer_id}</code>}
      </Fact>
      <Fact term="Employer email" testId="customer-email">
        {c.customer_email && <a href={`mailto:${c.customer_email}`}>{c.customer_email}</a>}
      </Fact>
      <Fact term="Application" testId="application-name">
        {c.application.name}
      </Fact>
      <Fact term="Provider" testId="provider-name">
        {c.provider.display_name}
        {c.provider.pay_enabled && <span className="badge badge-pay">Pay-enabled</span>}
      </Fact>
      <Fact term="Requested products" testId="products">
        {productLabels(c.products) || "—"}
      </Fact>
      <Fact term="Auth method" testId="auth-method">
        {humanize(c.auth_method)}
      </Fact>
      <Fact term="Connection id">
        <code>{c.id}</code>
      </Fact>
      <Fact term="Created">{formatDateTime(c.created_at)}</Fact>
      <Fact term="Access confirmed">{c.access_confirmed_at ? formatDateTime(c.access_confirmed_at) : "Not yet"}</Fact>
      <Fact term="Follow up">{c.follow_up_at && formatDateTime(c.follow_up_at)}</Fact>
    </dl>
  );
}

/** The invite address (copyable) and the provider's steps, numbered. */
export function ConnectionInstructions({ connection: c }: ConnectionFactsProps) {
  if (c.invite_email === null && c.instructions === null) return <p className="muted">No instructions for this provider.</p>;
  return (
    <div className="instructions">
      {c.invite_email && (
        <div className="invite-box">
          <code data-testid="invite-email">{c.invite_email}</code>
          <CopyButton text={c.invite_email} label="Copy invite email" />
        </div>
      )}
      {c.instructions && (
        <>
          <p>
            Role: <strong data-testid="invite-role">{c.instructions.role}</strong>
            <span className="muted"> · {humanize(c.instructions.method)}</span>
          </p>
          <ol className="steps" data-testid="instruction-steps">
            {c.instructions.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static list of plain strings, never reordered
              <li key={index}>{step}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
