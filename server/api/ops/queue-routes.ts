import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { ReassignSchema, TaskListSchema, TaskQuerySchema, TaskSchema, TaskSummarySchema } from "../../../contracts/linnet/ops.js";
import { claimTask, reassignTask, releaseTask } from "../../domain/assisted/tasks.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { FinchError } from "../../domain/errors.js";
import { listOperators } from "../../domain/ops/people.js";
import { listQueue, queueSummary, queueTask } from "../../domain/ops/queue.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const hidden = { hide: true } as const;
const taskParams = z.object({ id: z.uuid() });

/** The work queue: list, summary, claim / release / reassign, and the people work can go to. */
export const opsQueueRoutes: RouteModule = (app, deps) => {
  /** The task as the queue shows it after a change. */
  const reload = async (id: string) => {
    const task = await queueTask(deps, id);
    if (!task) throw new FinchError("not_found", "Task not found");
    return task;
  };

  app.get(
    "/ops/api/tasks",
    { schema: { ...hidden, querystring: TaskQuerySchema, response: { 200: TaskListSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.read");
      return listQueue(deps, request.query, actor.userId);
    },
  );

  app.get(
    "/ops/api/tasks/summary",
    { schema: { ...hidden, response: { 200: TaskSummarySchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return queueSummary(deps);
    },
  );

  for (const [action, run] of [
    ["claim", claimTask],
    ["release", releaseTask],
  ] as const) {
    app.post(
      `/ops/api/tasks/:id/${action}`,
      { schema: { ...hidden, params: taskParams, response: { 200: TaskSchema, "4xx": FinchErrorSchema } } },
      async (request) => {
        const actor = await requireConsoleActor(deps, request, "ops.write");
        unwrap(await run(deps, { userId: actor.userId }, request.params.id));
        const reloaded = await reload(request.params.id);
        await recordAudit(deps, actor, {
          action: action === "claim" ? "task.claimed" : "task.released",
          target: { type: "task", id: request.params.id },
          connectionId: reloaded.connection_id,
          summary: `${action === "claim" ? "Claimed" : "Released"} the ${reloaded.kind} ${reloaded.group === "org" ? "census" : "pay"} pull${reloaded.customer_name ? ` for ${reloaded.customer_name}` : ""}`,
        });
        return reloaded;
      },
    );
  }

  app.post(
    "/ops/api/tasks/:id/reassign",
    { schema: { ...hidden, params: taskParams, body: ReassignSchema, response: { 200: TaskSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const operators = await listOperators(deps);
      if (!operators.some((o) => o.id === request.body.user_id))
        throw new FinchError("invalid_request", "user_id: not an operator or admin");
      unwrap(await reassignTask(deps, { userId: actor.userId }, request.params.id, request.body.user_id));
      const reloaded = await reload(request.params.id);
      const to = operators.find((o) => o.id === request.body.user_id)?.email ?? "another operator";
      await recordAudit(deps, actor, {
        action: "task.reassigned",
        target: { type: "task", id: request.params.id },
        connectionId: reloaded.connection_id,
        summary: `Reassigned the ${reloaded.kind} ${reloaded.group === "org" ? "census" : "pay"} pull to ${to}`,
        details: { assignee: request.body.user_id },
      });
      return reloaded;
    },
  );

  app.get(
    "/ops/api/users",
    {
      schema: {
        ...hidden,
        response: { 200: z.array(z.object({ id: z.string(), email: z.string(), role: z.string() })), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return listOperators(deps);
    },
  );
};
