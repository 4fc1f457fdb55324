import { type FormEvent, useState } from "react";
import type { ApplicationSettings, ConnectLink, RotatedSecretResponse } from "../../contracts/linnet/dashboard.js";
import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { CheckboxField } from "../ui/checkbox-field.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { formatDateTime } from "../ui/format.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { TextField } from "../ui/text-field.js";
import { useAction } from "../ui/use-action.js";
import { useLoad } from "../ui/use-load.js";
import { AcceptedBodySetting } from "./accepted-body-setting.js";
import { createConnectLink, getSettings, rotateSecret, saveRedirectUris } from "./dashboard-api.js";
import { LinkBox } from "./link-box.js";

/** Props of {@link SettingsPage}. */
export interface SettingsPageProps {
  applicationId: string;
}

/** Rotate the client secret: the new one is shown once; the old one keeps working for the grace period. */
function SecretSection({ settings, onRotated }: { settings: ApplicationSettings; onRotated: () => void }) {
  const action = useAction();
  const [rotated, setRotated] = useState<RotatedSecretResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rotate = async () => {
    setConfirming(false);
    const result = await action.run(() => rotateSecret(settings.client_id));
    if (result) {
      setRotated(result);
      onRotated();
    }
  };
  return (
    <Card testId="secret-section">
      <h2 className="section-title">Client secret</h2>
      <p className="small">
        Rotating makes a new secret. The current one keeps working for {settings.secret_grace_hours} hours so you can deploy the new one.
      </p>
      {settings.previous_secret_expires_at && !rotated && (
        <p className="small" data-testid="previous-secret-expiry">
          The previous secret still works until {formatDateTime(settings.previous_secret_expires_at)}.
        </p>
      )}
      <ErrorBanner message={action.error} testId="rotate-error" />
      {rotated && (
        <div data-testid="new-secret-box">
          <LinkBox
            url={rotated.client_secret}
            label="Your new client secret. Copy it now: it will not be shown again."
            testId="new-secret"
          />
          <p className="small">
            The previous secret works until <span data-testid="grace-until">{formatDateTime(rotated.previous_secret_expires_at)}</span>.
          </p>
          <Button variant="secondary" className="btn-small" onClick={() => setRotated(null)} data-testid="hide-secret">
            I have saved it
          </Button>
        </div>
      )}
      {confirming ? (
        <div className="confirm-box" role="alertdialog" aria-label="Confirm rotation" data-testid="rotate-confirm">
          <p>Create a new client secret? The current one stops working in {settings.secret_grace_hours} hours.</p>
          <div className="button-row">
            <Button onClick={rotate} disabled={action.busy} data-testid="rotate-confirm-yes">
              Rotate
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)} disabled={action.busy} data-testid="rotate-secret">
          Rotate client secret…
        </Button>
      )}
    </Card>
  );
}

/** Edit the redirect URIs, one per line. */
function RedirectUris({ settings, onSaved }: { settings: ApplicationSettings; onSaved: (s: ApplicationSettings) => void }) {
  const [text, setText] = useState(settings.redirect_uris.join("\n"));
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const uris = text
      .split("\n")
      .map((u) => u.trim())
      .filter(Boolean);
    const result = await action.run(() => saveRedirectUris(settings.client_id, uris));
    if (result) {
      onSaved(result);
      setText(result.redirect_uris.join("\n"));
      setSaved(true);
    }
  };
  return (
    <Card testId="redirect-uris">
      <h2 className="section-title">Redirect URIs</h2>
      <form className="form" onSubmit={save}>
        <label className="field-label">
          One per line, matched exactly
          <textarea
            className="input"
            rows={4}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            data-testid="redirect-uris-input"
          />
        </label>
        <ErrorBanner message={action.error} testId="redirect-uris-error" />
        {saved && (
          <p className="small" role="status">
            Saved.
          </p>
        )}
        <Button type="submit" variant="secondary" disabled={action.busy} data-testid="redirect-uris-save">
          Save redirect URIs
        </Button>
      </form>
    </Card>
  );
}

const LINK_PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"];

/** Make a Connect link for a new employer without writing code. */
function ConnectLinks({ applicationId }: { applicationId: string }) {
  const [customerId, setCustomerId] = useState("");
  const [customerName, setCustomerName] = useState("");
  const [products, setProducts] = useState<string[]>(LINK_PRODUCTS);
  const [link, setLink] = useState<ConnectLink | null>(null);
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setLink(
      await action.run(() =>
        createConnectLink(applicationId, { customer_id: customerId.trim(), customer_name: customerName.trim(), products, manual: true }),
      ),
    );
  };
  const toggle = (product: string, on: boolean) => setProducts((p) => (on ? [...p, product] : p.filter((x) => x !== product)));
  return (
    <Card testId="connect-links">
      <h2 className="section-title">Connect links</h2>
      <p className="small">Create a Connect link for an employer and send it to them; the connection appears under Employers.</p>
      <form className="form" onSubmit={create}>
        <TextField label="Customer id" value={customerId} onChange={setCustomerId} testId="link-customer-id" />
        <TextField label="Customer name" value={customerName} onChange={setCustomerName} testId="link-customer-name" />
        <fieldset className="link-products">
          <legend className="field-label">Products</legend>
          {LINK_PRODUCTS.map((p) => (
            <CheckboxField key={p} label={p} checked={products.includes(p)} onChange={(on) => toggle(p, on)} testId={`link-product-${p}`} />
          ))}
        </fieldset>
        <ErrorBanner message={action.error} testId="connect-link-error" />
        <Button type="submit" variant="secondary" disabled={action.busy} data-testid="create-connect-link">
          Create link
        </Button>
      </form>
      {link && <LinkBox url={link.connect_url} label="Send this link to the employer" testId="connect-link" />}
    </Card>
  );
}

/** The Settings tab: client id, secret rotation, redirect URIs, Connect links. */
export function SettingsPage({ applicationId }: SettingsPageProps) {
  const settings = useLoad(applicationId, getSettings);
  const s = settings.data;
  if (s === null) return settings.error === null ? <Spinner label="Loading settings…" /> : <ErrorBanner message={settings.error} />;
  return (
    <>
      <StepHeading>Settings</StepHeading>
      <Card>
        <h2 className="section-title">{s.name}</h2>
        <dl className="facts ops-facts">
          <div>
            <dt>Client id</dt>
            <dd>
              <code data-testid="client-id">{s.client_id}</code>
            </dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{s.client_type}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatDateTime(s.created_at)}</dd>
          </div>
        </dl>
      </Card>
      <SecretSection settings={s} onRotated={() => void settings.reload()} />
      <RedirectUris settings={s} onSaved={settings.setData} />
      <AcceptedBodySetting settings={s} onSaved={settings.setData} />
      <ConnectLinks applicationId={applicationId} />
    </>
  );
}
