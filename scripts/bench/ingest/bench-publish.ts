// Publishing benchmark: a 100,000-person census published as one snapshot on the embedded database (target < 10 s),
// next to a bare multi-row INSERT of the same number of JSON rows into the same database as the baseline.
// The database is PGlite in a temporary data directory, as the server runs it (LINNET_DATA_DIR);
// BENCH_DATA_DIR=memory:// measures PGlite's in-memory file system instead, whose files grow by copying.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { publishOrgSnapshot } from "../../../server/commands/publish-org.js";
import { loadConfig } from "../../../server/config.js";
import { migrateDatabase, openDatabase } from "../../../server/db/client.js";
import { insertConnection } from "../../../server/db/repositories/connections.repository.js";
import { createApplication } from "../../../server/domain/applications/create-application.js";
import { ConnectionStateCache } from "../../../server/domain/caches/connection-state-cache.js";
import { OwnCaches } from "../../../server/domain/caches/own-caches.js";
import { SnapshotReader } from "../../../server/domain/caches/snapshot-reader.js";
import { SnapshotRowCache } from "../../../server/domain/caches/snapshot-rows.js";
import { TokenCache } from "../../../server/domain/caches/token-cache.js";
import { defaultCatalog } from "../../../server/domain/catalog/catalog.js";
import { systemClock } from "../../../server/domain/clock.js";
import { newConnectionRow } from "../../../server/domain/connections/connection-row.js";
import type { Deps } from "../../../server/domain/deps.js";
import { generateCompany } from "../../../server/domain/sandbox/generator/index.js";
import { createCipher } from "../../../server/domain/security/encryption.js";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const log = { debug() {}, info() {}, warn() {}, error() {} };

const tempDir = process.env.BENCH_DATA_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-publish-"));
const dataDir = process.env.BENCH_DATA_DIR ?? tempDir!;
const database = await openDatabase({ dataDir, embeddedEngine: "pglite" });
await migrateDatabase(database);
const config = loadConfig({ LINNET_LOG_LEVEL: "silent", LINNET_SECRETS_KEY: randomBytes(32).toString("base64") });
const deps: Deps = {
  db: database.db,
  clock: systemClock,
  log,
  config,
  cipher: createCipher(config.secretsKey!),
  catalog: defaultCatalog,
  reader: new SnapshotReader(),
  snapshotRows: new SnapshotRowCache(),
  jobs: { send: async () => {} },
  tokens: new TokenCache(0),
  connectionState: new ConnectionStateCache(database.db, 0),
  own: new OwnCaches(),
};
const app = await createApplication(deps, { name: "Bench", redirectUris: [] });
if (!app.ok) throw app.error;
const provider = defaultCatalog.get("adp_workforce_now")!;
const connection = newConnectionRow(provider, {
  applicationId: app.value.client_id,
  authMethod: "assisted",
  connectionType: "provider",
  products: ["company", "directory", "individual", "employment", "ssn"],
  status: "processing",
  createdAt: new Date(),
});
await insertConnection(deps.db, connection);
const { org } = generateCompany({ seed: "bench-publish", employeeSize: Math.min(PEOPLE, 50_000), asOf: new Date() });
// The generator stops at 50,000 people; a second half with other ids makes 100,000.
const people = [...org.people];
for (let i = 0; people.length < PEOPLE; i++)
  people.push({ ...org.people[i % org.people.length]!, source_id: `${org.people[i % org.people.length]!.source_id}-B` });

/** CPU seconds of this process since `since` (PGlite runs inside it, so its work is counted). */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};

const baselineCpu = process.cpuUsage();
const baselineStart = performance.now();
await database.executeSql("create table bench_rows (id int primary key, json text not null)");
const json = JSON.stringify(people[0]);
for (let i = 0; i < PEOPLE * 3; i += 1000) {
  const values = Array.from({ length: Math.min(1000, PEOPLE * 3 - i) }, (_, k) => `(${i + k}, '${json.replace(/'/g, "''")}')`).join(",");
  await database.executeSql(`insert into bench_rows values ${values}`);
}
const baselineMs = performance.now() - baselineStart;
const baselineCpuS = cpuSeconds(baselineCpu);

const publishCpu = process.cpuUsage();
const start = performance.now();
const published = await publishOrgSnapshot(
  deps,
  connection.id,
  { company: org.company, people },
  { source: "bench", retrievedAt: new Date() },
);
const publishMs = performance.now() - start;
const publishCpuS = cpuSeconds(publishCpu);
if (!published.ok) throw published.error;
await database.close();
if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });

console.log(
  `publish: ${PEOPLE.toLocaleString()} people (${(PEOPLE * 3).toLocaleString()} records + ids) on embedded PGlite (${tempDir ? "data directory on disk" : dataDir})`,
);
console.log(
  `  bare INSERT of ${(PEOPLE * 3).toLocaleString()} JSON rows: ${(baselineMs / 1000).toFixed(1)} s (CPU ${baselineCpuS.toFixed(1)} s)`,
);
console.log(
  `  publishOrgSnapshot: ${(publishMs / 1000).toFixed(1)} s (CPU ${publishCpuS.toFixed(1)} s; ${(publishMs / baselineMs).toFixed(2)}× the bare insert, CPU ${(publishCpuS / baselineCpuS).toFixed(2)}×)`,
);
console.log(`  target < 10 s: ${publishMs < 10_000 ? "met" : "NOT met"}`);
