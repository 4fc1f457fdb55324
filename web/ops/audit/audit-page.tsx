import { useId, useState } from "react";
import { AUDIT_ACTIONS } from "../../../contracts/linnet/audit.js";
import { useCurrentUser } from "../../console/session-context.js";
import { Button } from "../../ui/button.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatDateTime, humanize } from "../../ui/format.js";
import { SelectField } from "../../ui/select-field.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { AUDIT_ACTION_WORDS, type AuditFilters, auditCsvUrl, listAudit } from "./audit-api.js";

const ACTION_OPTIONS = [{ value: "", label: "Any action" }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_WORDS[a] }))];
const EMPTY: AuditFilters = { action: "", actor: "", from: "", to: "" };

/** A labelled input of the filter row (text or date). */
function FilterInput(props: { label: string; type: "text" | "date"; value: string; onChange: (v: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="input"
        type={props.type}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </div>
  );
}

/**
 * The audit log at `/ops/audit` (admins): who did what in the consoles, newest first, filtered by action, person and
 * dates, a page of 25 at a time, and the filtered log as a CSV download.
 */
export function AuditPage() {
  const user = useCurrentUser();
  if (user.role !== "admin") {
    return (
      <>
        <StepHeading>Audit log</StepHeading>
        <p className="notice" data-testid="audit-admins-only">
          The audit log is for admins. Ask an admin if you need to know who changed something.
        </p>
      </>
    );
  }
  return <AuditLog />;
}

/** The log itself (admins). */
function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  // the cursors of the pages before this one, so "Newer" can go back
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors.at(-1) ?? null;
  const page = useLoad(JSON.stringify({ filters, before }), () => listAudit(filters, before));
  const set = (key: keyof AuditFilters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([null]);
  };
  const entries = page.data?.entries ?? [];
  const next = page.data?.next_before ?? null;

  return (
    <>
      <StepHeading>Audit log</StepHeading>
      <p className="muted">Every change made in the operations console and the developer dashboard, and who made it.</p>
      <Card className="card-flush">
        <div className="filters">
          <SelectField label="Action" value={filters.action} options={ACTION_OPTIONS} onChange={set("action")} testId="audit-action" />
          <FilterInput label="Person (email)" type="text" value={filters.actor} onChange={set("actor")} testId="audit-actor" />
          <FilterInput label="From" type="date" value={filters.from} onChange={set("from")} testId="audit-from" />
          <FilterInput label="To" type="date" value={filters.to} onChange={set("to")} testId="audit-to" />
        </div>
        <div className="pager">
          <a className="btn btn-secondary btn-small" href={auditCsvUrl(filters)} download data-testid="audit-csv">
            Download CSV
          </a>
        </div>
        <ErrorBanner message={page.error} testId="audit-error" />
        {page.data === null ? (
          page.error === null && <Spinner label="Loading the audit log…" />
        ) : entries.length === 0 ? (
          <p className="empty" data-testid="audit-empty">
            No actions match these filters.
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>
                      {e.actor.email}
                      <div className="small muted">{humanize(e.actor.role)}</div>
                    </td>
                    <td>{AUDIT_ACTION_WORDS[e.action]}</td>
                    <td>{e.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(cursors.length > 1 || next !== null) && (
          <nav className="pager" aria-label="Pages">
            <span className="small muted" data-testid="audit-page">
              Page {cursors.length}
            </span>
            <Button
              variant="secondary"
              className="btn-small"
              disabled={cursors.length === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
              data-testid="audit-newer"
            >
              Newer
            </Button>
            <Button
              variant="secondary"
              className="btn-small"
              disabled={next === null}
              onClick={() => setCursors((c) => [...c, next])}
              data-testid="audit-older"
            >
              Older
            </Button>
          </nav>
        )}
      </Card>
    </>
  );
}
