import { useEffect, useId, useState } from "react";
import { CheckboxField } from "../../ui/checkbox-field.js";
import { SelectField } from "../../ui/select-field.js";
import { type QueueFilters, SORT_CHOICES, STATUS_CHOICES } from "./queue-filters.js";

/** Props of {@link TaskFilters}. */
export interface TaskFiltersProps {
  filters: QueueFilters;
  /** Applies a change (the page goes back to the first page of results). */
  onChange: (patch: Partial<QueueFilters>) => void;
}

const ASSIGNEE_CHOICES = [
  { value: "", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "none", label: "Unassigned" },
];

/** The queue's filter bar: status, provider, assignee, overdue, due this week, and sort order. */
export function TaskFilters({ filters, onChange }: TaskFiltersProps) {
  const providerId = useId();
  const [provider, setProvider] = useState(filters.provider);

  // Typing in the provider box filters after a short pause rather than on every key.
  useEffect(() => {
    if (provider === filters.provider) return;
    const timer = window.setTimeout(() => onChange({ provider }), 400);
    return () => window.clearTimeout(timer);
  }, [provider, filters.provider, onChange]);

  return (
    <search className="filters" aria-label="Filter tasks">
      <SelectField
        label="Status"
        value={filters.status}
        options={STATUS_CHOICES}
        onChange={(status) => onChange({ status })}
        testId="filter-status"
      />
      <div className="field">
        <label className="field-label" htmlFor={providerId}>
          Provider
        </label>
        <input
          id={providerId}
          className="input"
          type="search"
          value={provider}
          placeholder="e.g. ADP or Paychex"
          spellCheck={false}
          autoCapitalize="none"
          onChange={(e) => setProvider(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && onChange({ provider })}
          data-testid="filter-provider"
        />
      </div>
      <SelectField
        label="Assignee"
        value={filters.assignee}
        options={ASSIGNEE_CHOICES}
        onChange={(assignee) => onChange({ assignee })}
        testId="filter-assignee"
      />
      <SelectField
        label="Sort"
        value={filters.sort}
        options={SORT_CHOICES}
        onChange={(sort) => onChange({ sort: sort as QueueFilters["sort"] })}
        testId="sort"
      />
      <div className="filters-checks">
        <CheckboxField label="Overdue" checked={filters.overdue} onChange={(overdue) => onChange({ overdue })} testId="filter-overdue" />
        <CheckboxField
          label="Due this week"
          checked={filters.dueThisWeek}
          onChange={(dueThisWeek) => onChange({ dueThisWeek })}
          testId="filter-due-this-week"
        />
      </div>
    </search>
  );
}
