import path from "node:path";
import type { Config } from "../config.js";
import { readBackup } from "../db/backup/read-backup.js";
import { writeBackup } from "../db/backup/write-backup.js";
import { databaseOptions, openDatabase } from "../db/client.js";

/** `linnet backup <file>`: a plain SQL dump of the database (embedded or DATABASE_URL) into `file`. */
export async function backupCommand(config: Config, file: string | undefined): Promise<number> {
  if (!file) {
    console.error("error: linnet backup <file>: name the file to write");
    return 1;
  }
  const database = await openDatabase(databaseOptions(config, (message) => console.error(message)));
  try {
    const { tables, rows } = await writeBackup(database, path.resolve(file));
    console.log(
      `Backed up ${rows} rows of ${tables} tables to ${file}. The secrets key is not in it: keep ${config.secretsKey ? "LINNET_SECRETS_KEY" : path.join(config.dataDir, "secrets.key")} with it.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** `linnet restore <file> [--force]`: load a backup into the (empty, unless --force) database, in one transaction. */
export async function restoreCommand(config: Config, file: string | undefined, force: boolean): Promise<number> {
  if (!file) {
    console.error("error: linnet restore <file> [--force]: name the backup to load");
    return 1;
  }
  const database = await openDatabase(databaseOptions(config, (message) => console.error(message)));
  try {
    const { rows } = await readBackup(database, path.resolve(file), { force });
    console.log(`Restored ${rows} rows from ${file}. Start Linnet with the secrets key the backup was made with.`);
    return 0;
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await database.close();
  }
}
