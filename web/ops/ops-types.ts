import type { z } from "zod";
import type {
  IssueSchema,
  OpsManualJobSchema,
  ReportSchema,
  SnapshotSummarySchema,
  TaskListSchema,
  TaskQuerySchema,
  TaskSummarySchema,
  TemplateSchema,
} from "../../contracts/linnet/ops.js";

/** Types of the ops API the contract exports only as schemas; inferred here so no zod code reaches the bundle. */

export type { Mapping, OpsConnection, Task, UploadView } from "../../contracts/linnet/ops.js";

/** Answer of `GET /ops/api/tasks`. */
export type TaskList = z.infer<typeof TaskListSchema>;
/** Query of `GET /ops/api/tasks` (every parameter optional; the server fills the defaults). */
export type TaskQuery = Partial<z.output<typeof TaskQuerySchema>>;
/** Answer of `GET /ops/api/tasks/summary`. */
export type TaskSummary = z.infer<typeof TaskSummarySchema>;
/** A published snapshot in a connection's history. */
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;
/** A validation problem located in the file. */
export type Issue = z.infer<typeof IssueSchema>;
/** A validation report of an upload. */
export type Report = z.infer<typeof ReportSchema>;
/** A saved (or built-in) mapping template. */
export type Template = z.infer<typeof TemplateSchema>;
/** A manual job (assisted benefit write) as the console shows it. */
export type ManualJob = z.infer<typeof OpsManualJobSchema>;
/** Product group of a task, upload or snapshot. */
export type Group = "org" | "pay";
