import { type FormEvent, useEffect, useState } from "react";
import type { PullSource, PullSourceTest } from "../../../contracts/linnet/pull-sources.js";
import { consoleFetch } from "../../console/console-fetch.js";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { ApiError } from "../../ui/fetch-json.js";
import { formatDateTime } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";

/** Props of {@link PullSourcePanel}. */
export interface PullSourcePanelProps {
  connectionId: string;
}

const EMPTY = { host: "", port: "22", username: "", password: "", folder: "/", pattern: "*.csv" };
type Draft = typeof EMPTY;

function Field({
  label,
  value,
  onChange,
  type = "text",
  optional = false,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  optional?: boolean;
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="input"
        type={type}
        value={value}
        required={!optional}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

/** The connection's pull source, or null when it has none (404). */
async function loadPullSource(path: string): Promise<PullSource | null> {
  try {
    return await consoleFetch<PullSource>(path);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return null;
    throw failure;
  }
}

/**
 * A connection's pull source (a remote SFTP server Linnet polls for scheduled reports): its settings, last poll and
 * pinned host key, and a minimal form to add, change, test or remove it. The password is write-only.
 */
export function PullSourcePanel({ connectionId }: PullSourcePanelProps) {
  const path = `/ops/api/connections/${connectionId}/pull-source`;
  const { data: source, error: loadError, setData: setSource } = useLoad(path, loadPullSource);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [test, setTest] = useState<PullSourceTest | null>(null);
  const action = useAction();

  // the form starts from the stored settings (and again after a save: the password is never sent back)
  useEffect(() => {
    if (source)
      setDraft({
        host: source.host,
        port: String(source.port),
        username: source.username,
        password: "",
        folder: source.folder,
        pattern: source.pattern,
      });
  }, [source]);

  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      host: draft.host,
      port: Number(draft.port),
      username: draft.username,
      folder: draft.folder,
      pattern: draft.pattern,
      ...(draft.password ? { password: draft.password } : {}),
    };
    const saved = await action.run(() => consoleFetch<PullSource>(path, { method: "PUT", json: body }));
    if (saved) setSource(saved);
  };
  const remove = async () => {
    if ((await action.run(() => consoleFetch<undefined>(path, { method: "DELETE" }).then(() => true))) === true) {
      setSource(null);
      setDraft(EMPTY);
      setTest(null);
    }
  };

  return (
    <div data-testid="pull-source">
      {source ? (
        <dl className="facts">
          <div>
            <dt>Server</dt>
            <dd>
              {source.username}@{source.host}:{source.port}
              {source.folder} ({source.pattern}), every {source.poll_minutes} min
            </dd>
          </div>
          <div>
            <dt>Last poll</dt>
            <dd data-testid="pull-source-last">
              {source.last_polled_at ? formatDateTime(source.last_polled_at) : "Not yet"}
              {source.last_error ? ` — ${source.last_error}` : ""}
            </dd>
          </div>
          <div>
            <dt>Host key</dt>
            <dd className="pull-source-key">{source.host_key_fingerprint ?? "Pinned on the first poll"}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">No pull source: reports arrive in the connection's inbox, or add a server Linnet should poll.</p>
      )}
      <form className="pull-source-form" onSubmit={save}>
        <Field label="Host" value={draft.host} onChange={set("host")} testId="pull-host" />
        <Field label="Port" value={draft.port} onChange={set("port")} type="number" testId="pull-port" />
        <Field label="Username" value={draft.username} onChange={set("username")} testId="pull-username" />
        <Field
          label={source ? "Password (blank keeps the saved one)" : "Password"}
          value={draft.password}
          onChange={set("password")}
          type="password"
          optional={source !== null}
          testId="pull-password"
        />
        <Field label="Folder" value={draft.folder} onChange={set("folder")} testId="pull-folder" />
        <Field label="File pattern" value={draft.pattern} onChange={set("pattern")} testId="pull-pattern" />
        <div className="actions">
          <Button type="submit" disabled={action.busy} data-testid="pull-save">
            {source ? "Save changes" : "Add pull source"}
          </Button>
          {source && (
            <>
              <Button
                variant="secondary"
                disabled={action.busy}
                onClick={async () => setTest(await action.run(() => consoleFetch<PullSourceTest>(`${path}/test`, { method: "POST" })))}
                data-testid="pull-test"
              >
                Test
              </Button>
              <Button variant="danger" disabled={action.busy} onClick={remove}>
                Remove
              </Button>
            </>
          )}
        </div>
      </form>
      {test && (
        <p className={test.ok ? "muted" : "notice"} role="status" data-testid="pull-test-result">
          {test.message}
        </p>
      )}
      <ErrorBanner message={action.error ?? loadError} />
    </div>
  );
}
