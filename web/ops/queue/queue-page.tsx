import { useCallback } from "react";
import { navigate } from "../../console/navigation.js";
import { Pager } from "../../console/pager.js";
import { useNow } from "../../console/use-now.js";
import { Card } from "../../ui/card.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { usePageTitle } from "../../ui/page-title.js";
import { Spinner } from "../../ui/spinner.js";
import { StepHeading } from "../../ui/step-heading.js";
import { useLoad } from "../../ui/use-load.js";
import { paths } from "../routes.js";
import { filtersSearch, PAGE_SIZE, parseFilters, type QueueFilters, taskQuery } from "./queue-filters.js";
import { SummaryStrip } from "./summary-strip.js";
import { TaskFilters } from "./task-filters.js";
import { TaskTable } from "./task-table.js";
import { getSummary, listTasks } from "./tasks-api.js";

/** Props of {@link QueuePage}. */
export interface QueuePageProps {
  /** The query string holding the filters. */
  search: string;
}

/** The work queue at `/ops`: summary strip, filters, and the tasks with their SLA countdowns. */
export function QueuePage({ search }: QueuePageProps) {
  const filters = parseFilters(search);
  const key = filtersSearch(filters);
  const tasks = useLoad(key, (k) => listTasks(taskQuery(parseFilters(k))));
  const summary = useLoad("summary", getSummary);
  const now = useNow();
  usePageTitle("Work queue");

  const change = useCallback((patch: Partial<QueueFilters>) => {
    const next = { ...parseFilters(window.location.search), offset: 0, ...patch };
    navigate(paths.queue + filtersSearch(next), { replace: true });
  }, []);
  const refresh = () => {
    void tasks.reload();
    void summary.reload();
  };

  return (
    <>
      <StepHeading>Work queue</StepHeading>
      <ErrorBanner message={summary.error} testId="summary-error" />
      {summary.data && <SummaryStrip summary={summary.data} />}
      <Card className="card-flush">
        <TaskFilters filters={filters} onChange={change} />
        <ErrorBanner message={tasks.error} testId="tasks-error" />
        {tasks.data === null ? (
          tasks.error === null && <Spinner label="Loading tasks…" />
        ) : tasks.data.tasks.length === 0 ? (
          <p className="empty" data-testid="tasks-empty">
            No tasks match these filters.
          </p>
        ) : (
          <div aria-busy={tasks.loading}>
            <TaskTable tasks={tasks.data.tasks} loadedAt={tasks.loadedAt} now={now} onChanged={refresh} />
          </div>
        )}
        {tasks.data && (
          <Pager offset={filters.offset} limit={PAGE_SIZE} total={tasks.data.total} onOffset={(offset) => change({ offset })} />
        )}
      </Card>
    </>
  );
}
