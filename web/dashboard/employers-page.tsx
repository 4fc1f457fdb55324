import { useCallback, useEffect, useState } from "react";
import { queryString } from "../console/console-fetch.js";
import { navigate } from "../console/navigation.js";
import { Pager } from "../console/pager.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { SelectField } from "../ui/select-field.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { useLoad } from "../ui/use-load.js";
import { listConnections } from "./dashboard-api.js";
import { dashboardPaths } from "./dashboard-routes.js";
import {
  AUTH_CHOICES,
  EMPLOYERS_PAGE_SIZE,
  type EmployerFilters,
  employerQuery,
  parseEmployerFilters,
  SORT_CHOICES,
  STATUS_CHOICES,
} from "./employer-filters.js";
import { EmployersTable } from "./employers-table.js";

/** Props of {@link EmployersPage}. */
export interface EmployersPageProps {
  applicationId: string;
  search: string;
}

/** A text box that applies its value after a short pause or on Enter. */
function DebouncedSearch({
  label,
  value,
  placeholder,
  onApply,
  testId,
}: {
  label: string;
  value: string;
  placeholder: string;
  onApply: (v: string) => void;
  testId: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onApply(text), 400);
    return () => window.clearTimeout(timer);
  }, [text, value, onApply]);
  return (
    <div className="field">
      <label className="field-label">
        {label}
        <input
          className="input"
          type="search"
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && onApply(text)}
          data-testid={testId}
        />
      </label>
    </div>
  );
}

/** The Employers tab: every connection of the application, searched, filtered, sorted and paged on the server. */
export function EmployersPage({ applicationId, search }: EmployersPageProps) {
  const filters = parseEmployerFilters(search);
  const query = { ...employerQuery(filters), limit: EMPLOYERS_PAGE_SIZE };
  const key = queryString(query);
  const connections = useLoad(key, () => listConnections(applicationId, query));

  const change = useCallback(
    (patch: Partial<EmployerFilters>) => {
      const next = { ...parseEmployerFilters(window.location.search), offset: 0, ...patch };
      navigate(dashboardPaths.employers(applicationId) + queryString(employerQuery(next)), { replace: true });
    },
    [applicationId],
  );

  return (
    <>
      <StepHeading>Employers</StepHeading>
      <Card className="card-flush">
        <search className="filters" aria-label="Filter employers">
          <DebouncedSearch
            label="Search"
            value={filters.q}
            placeholder="Customer name or id"
            onApply={(q) => change({ q })}
            testId="filter-search"
          />
          <SelectField
            label="Status"
            value={filters.status}
            options={STATUS_CHOICES}
            onChange={(status) => change({ status })}
            testId="filter-status"
          />
          <SelectField
            label="Auth type"
            value={filters.authType}
            options={AUTH_CHOICES}
            onChange={(authType) => change({ authType })}
            testId="filter-auth"
          />
          <DebouncedSearch
            label="Provider"
            value={filters.provider}
            placeholder="e.g. paychex_flex"
            onApply={(provider) => change({ provider })}
            testId="filter-provider"
          />
          <SelectField
            label="Sort"
            value={filters.sort}
            options={SORT_CHOICES}
            onChange={(sort) => change({ sort: sort as EmployerFilters["sort"], order: "" })}
            testId="sort"
          />
        </search>
        <ErrorBanner message={connections.error} testId="employers-error" />
        {connections.data === null ? (
          connections.error === null && <Spinner label="Loading employers…" />
        ) : connections.data.data.length === 0 ? (
          <p className="empty" data-testid="employers-empty">
            No employers match these filters.
          </p>
        ) : (
          <div aria-busy={connections.loading}>
            <EmployersTable applicationId={applicationId} connections={connections.data.data} />
          </div>
        )}
        {connections.data && (
          <Pager
            offset={filters.offset}
            limit={EMPLOYERS_PAGE_SIZE}
            total={connections.data.total}
            onOffset={(offset) => change({ offset })}
          />
        )}
      </Card>
    </>
  );
}
