/**
 * Assisted connections set up the way operations sets them up, through the domain calls the console's routes make
 * (no browser): the connection, its first census and payroll register uploaded and published by an operator (their
 * mappings become the recipes), and its SFTP inbox opened with a password.
 */

import { publishUpload } from "../../../server/commands/publish-upload.js";
import { insertActivity } from "../../../server/db/repositories/activity.repository.js";
import { insertConnection } from "../../../server/db/repositories/connections.repository.js";
import { createApplication } from "../../../server/domain/applications/create-application.js";
import { openInitialTasks } from "../../../server/domain/assisted/tasks.js";
import { newConnectionRow } from "../../../server/domain/connections/connection-row.js";
import type { Deps } from "../../../server/domain/deps.js";
import { ok } from "../../../server/domain/errors.js";
import { resetInboxPassword } from "../../../server/domain/intake/inboxes.js";
import { createUpload } from "../../../server/domain/ops/uploads.js";
import { transactional } from "../../../server/domain/transactional.js";
import { createUser } from "../../../server/domain/users/create-user.js";
import { censusCsv, type Employer, registerCsv } from "./adp-reports.js";

const PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"];

/** An application and an operator to own the connections and the first publishes. */
export async function setupOwners(deps: Deps): Promise<{ applicationId: string; operatorId: string }> {
  const app = await createApplication(deps, { name: "Intake bench", redirectUris: ["http://localhost/cb"] });
  if (!app.ok) throw app.error;
  const user = await createUser(deps, { email: `ops-${Date.now()}@bench.test`, password: "bench-operator-password", role: "operator" });
  if (!user.ok) throw user.error;
  return { applicationId: app.value.client_id, operatorId: user.value.id };
}

/** One connection ready for scheduled reports. */
export interface ReadyConnection {
  connectionId: string;
  username: string;
  password: string;
  employer: Employer;
}

/** Upload a file as an operator and publish it (the first pull by hand). */
async function publishByHand(
  deps: Deps,
  operatorId: string,
  connectionId: string,
  group: "org" | "pay",
  fileName: string,
  bytes: Buffer,
): Promise<void> {
  const upload = await createUpload(deps, operatorId, connectionId, { group, fileName, contentType: "text/csv", bytes });
  if (!upload.ok) throw new Error(`upload ${fileName}: ${upload.error.message}`);
  if (upload.value.status !== "valid")
    throw new Error(`upload ${fileName} is ${upload.value.status}: ${JSON.stringify(upload.value.report?.errors?.[0] ?? null)}`);
  const published = await publishUpload(deps, operatorId, upload.value.id, { confirm: true });
  if (!published.ok) throw new Error(`publish ${fileName}: ${published.error.message}`);
}

/**
 * Create an assisted ADP Workforce Now connection for `employer`, publish its census and the register of `payDate`
 * by hand at the clock's time, and open its inbox. `inbox: false` skips the inbox (argon2 costs time; the simulation
 * delivers through `receiveFile` and needs no login).
 */
export async function setupConnection(
  deps: Deps,
  owners: { applicationId: string; operatorId: string },
  employer: Employer,
  payDate: Date,
  opts: { inbox?: boolean; beforeRegister?: () => void } = {},
): Promise<ReadyConnection> {
  const provider = deps.catalog.get("adp_workforce_now");
  if (!provider) throw new Error("adp_workforce_now is not in the catalog");
  const now = deps.clock.now();
  const connection = newConnectionRow(provider, {
    applicationId: owners.applicationId,
    authMethod: "assisted",
    connectionType: "provider",
    products: PRODUCTS,
    status: "processing",
    customerName: employer.name,
    accessConfirmedAt: now,
    createdAt: now,
  });
  await transactional(deps.db, async (tx) => {
    await insertConnection(tx, connection);
    await openInitialTasks({ ...deps, db: tx }, connection);
    await insertActivity(tx, {
      connectionId: connection.id,
      actor: "employer",
      kind: "created",
      fromStatus: null,
      toStatus: "processing",
      message: "Created by the intake benchmark",
      at: now,
    });
    return ok(true);
  });
  await publishByHand(deps, owners.operatorId, connection.id, "org", "Census Report.csv", censusCsv(employer, now, employer.people, false));
  opts.beforeRegister?.(); // the simulation pulls the register at its own time of day
  await publishByHand(deps, owners.operatorId, connection.id, "pay", "Payroll Register.csv", registerCsv(employer, payDate, 1));
  if (opts.inbox === false) return { connectionId: connection.id, username: "", password: "", employer };
  const inbox = await resetInboxPassword(deps, `user:${owners.operatorId}`, connection.id);
  if (!inbox.ok) throw inbox.error;
  return { connectionId: connection.id, username: inbox.value.username, password: inbox.value.password ?? "", employer };
}
