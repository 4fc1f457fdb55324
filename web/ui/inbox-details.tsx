import { type FormEvent, useId, useState } from "react";
import { Button } from "./button.js";
import { CopyButton } from "./copy-button.js";

/** What an SFTP inbox looks like to the person setting up the sender. */
export interface InboxFacts {
  host: string;
  port: number | null;
  username: string;
  folder: string;
  has_password: boolean;
  public_keys: { type: string; fingerprint: string }[];
}

/** Props of {@link InboxDetails}. */
export interface InboxDetailsProps {
  inbox: InboxFacts;
  /** A password just created: shown this once, with a copy button. */
  password: string | null;
}

/** One line of the details: label, value, and a copy button. */
function Detail({ term, value, testId }: { term: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className="inbox-value">
        <code data-testid={testId}>{value}</code>
        <CopyButton text={value} label={`Copy ${term.toLowerCase()}`} testId={`copy-${testId}`} />
      </dd>
    </div>
  );
}

/** The inbox's host, port, username and folder, the password when just created, and the public keys by fingerprint. */
export function InboxDetails({ inbox, password }: InboxDetailsProps) {
  return (
    <>
      <dl className="facts inbox-facts" data-testid="inbox-details">
        <Detail term="Host" value={inbox.host} testId="inbox-host" />
        <Detail term="Port" value={inbox.port === null ? "SFTP is off on this server" : String(inbox.port)} testId="inbox-port" />
        <Detail term="Username" value={inbox.username} testId="inbox-username" />
        <Detail term="Folder" value={inbox.folder} testId="inbox-folder" />
        {password !== null && <Detail term="Password" value={password} testId="inbox-password" />}
      </dl>
      {password !== null ? (
        <p className="notice" role="status" data-testid="inbox-password-once">
          Copy the password now: it is shown only this once. If it is lost, set a new one (the old one then stops working).
        </p>
      ) : (
        <p className="small muted" data-testid="inbox-login-ways">
          {inbox.has_password ? "A password is set (it cannot be shown again)." : "No password set."}{" "}
          {inbox.public_keys.length === 0
            ? "No public keys."
            : `Public keys: ${inbox.public_keys.map((k) => `${k.type} ${k.fingerprint}`).join(", ")}.`}
        </p>
      )}
    </>
  );
}

/** Props of {@link PublicKeyForm}. */
export interface PublicKeyFormProps {
  /** Adds the key; resolves true when it was accepted (the field then clears). */
  onAdd: (line: string) => Promise<boolean>;
  busy: boolean;
}

/** A field for an OpenSSH public key line (`ssh-ed25519 AAAA… comment`) and an "Add key" button. */
export function PublicKeyForm({ onAdd, busy }: PublicKeyFormProps) {
  const id = useId();
  const [line, setLine] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onAdd(line)) setLine("");
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inbox-key-form">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Public key (the sender's .pub line)
        </label>
        <textarea
          id={id}
          className="input"
          rows={2}
          spellCheck={false}
          placeholder="ssh-ed25519 AAAA…"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          data-testid="inbox-public-key"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy || line.trim() === ""} data-testid="inbox-add-key">
        Add key
      </Button>
    </form>
  );
}
