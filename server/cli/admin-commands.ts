import pino from "pino";
import type { Config } from "../config.js";
import { type Database, databaseOptions, migrateDatabase, openDatabase } from "../db/client.js";
import { findApplication } from "../db/repositories/applications.repository.js";
import { createApplication } from "../domain/applications/create-application.js";
import { addApplicationMember } from "../domain/applications/members.js";
import { ConnectionStateCache } from "../domain/caches/connection-state-cache.js";
import { OwnCaches } from "../domain/caches/own-caches.js";
import { SnapshotReader } from "../domain/caches/snapshot-reader.js";
import { SnapshotRowCache } from "../domain/caches/snapshot-rows.js";
import { TokenCache } from "../domain/caches/token-cache.js";
import { defaultCatalog } from "../domain/catalog/catalog.js";
import { systemClock } from "../domain/clock.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { createCipher } from "../domain/security/encryption.js";
import { createUser } from "../domain/users/create-user.js";
import { startStep, underStartLock } from "../runtime/start-lock.js";

/** Open and migrate the database, run `fn`, close. Administrative commands need no secrets key. */
async function withDatabase<T>(config: Config, fn: (deps: Deps, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseOptions(config, (message) => console.error(message)));
  try {
    await underStartLock(database, () => startStep("migrate the database", () => migrateDatabase(database)));
    const deps: Deps = {
      db: database.db,
      clock: systemClock,
      log: pino({ level: "warn" }),
      config,
      cipher: createCipher(Buffer.alloc(32).toString("base64")), // unused by these commands
      catalog: defaultCatalog,
      reader: new SnapshotReader(config.readCacheBytes),
      snapshotRows: new SnapshotRowCache(),
      tokens: new TokenCache(0),
      connectionState: new ConnectionStateCache(database.db, 0),
      own: new OwnCaches(),
      jobs: {
        send: async () => {
          throw new Error("Background jobs are not available to CLI commands");
        },
      },
    };
    return await fn(deps, database);
  } finally {
    await database.close();
  }
}

function report<T extends object>(result: Result<T>, json: boolean, lines: (v: T) => string[]): number {
  if (!result.ok) {
    console.error(`error: ${result.error.message}`);
    return 1;
  }
  console.log(json ? JSON.stringify(result.value, null, 2) : lines(result.value).join("\n"));
  return 0;
}

/** `linnet migrate`: apply pending migrations and exit. */
export async function migrateCommand(config: Config): Promise<number> {
  await withDatabase(config, async (_deps, database) => console.log(`Migrations applied (${database.kind}).`));
  return 0;
}

/** `linnet app create --name N --redirect-uri U… [--type T] [--json]`. */
export async function appCreateCommand(
  config: Config,
  args: { name?: string; redirectUris: string[]; type?: string; json: boolean },
): Promise<number> {
  if (!args.name) {
    console.error("error: --name is required");
    return 1;
  }
  const type = args.type ?? "development";
  if (type !== "development" && type !== "production" && type !== "sandbox") {
    console.error("error: --type must be development, production or sandbox");
    return 1;
  }
  const result = await withDatabase(config, (deps) =>
    createApplication(deps, { name: args.name!, redirectUris: args.redirectUris, clientType: type }),
  );
  return report(result, args.json, (v) => [
    `Created application "${v.name}" (${v.client_type})`,
    `client_id:     ${v.client_id}`,
    `client_secret: ${v.client_secret}`,
    "The client secret is shown only once; store it now.",
  ]);
}

/** `linnet user create --email E --password P --role R [--application CLIENT_ID…] [--json]`. */
export async function userCreateCommand(
  config: Config,
  args: { email?: string; password?: string; role?: string; applications: string[]; json: boolean },
): Promise<number> {
  if (!args.email || !args.password || !args.role) {
    console.error("error: --email, --password and --role are required");
    return 1;
  }
  const result = await withDatabase(config, async (deps) => {
    for (const applicationId of args.applications) {
      if (!(await findApplication(deps.db, applicationId))) return fail("not_found", `--application: ${applicationId} does not exist`);
    }
    const created = await createUser(deps, { email: args.email!, password: args.password!, role: args.role! });
    if (!created.ok) return created;
    for (const applicationId of args.applications) {
      const added = await addApplicationMember(deps, { userId: created.value.id, applicationId });
      if (!added.ok) return added;
    }
    return ok({ ...created.value, applications: args.applications });
  });
  return report(result, args.json, (v) => [
    `Created ${v.role} user ${v.email} (${v.id})`,
    ...v.applications.map((id) => `  member of application ${id}`),
  ]);
}
