import { parseArgs } from "node:util";
import { appCreateCommand, migrateCommand, userCreateCommand } from "./cli/admin-commands.js";
import { backupCommand, restoreCommand } from "./cli/backup-commands.js";
import { serveCommand } from "./cli/serve.js";
import { loadConfig } from "./config.js";
import type { Role } from "./runtime.js";

const USAGE = `Usage: linnet <command> [options]

Commands:
  serve [--role all|api|worker]        run the API and job workers (default: both in one process)
  migrate                              apply database migrations and exit
  backup <file>                        write a plain SQL dump of the database (stop nothing: one consistent snapshot)
  restore <file> [--force]             load a backup into an empty database (--force replaces its contents)
  app create --name N --redirect-uri U [--redirect-uri U2] [--type development|production|sandbox] [--json]
  user create --email E --password P --role admin|operator|developer [--application CLIENT_ID…] [--json]
                                       (--application: the applications a developer may open in the dashboard)

Configuration comes from the environment; see README.md.`;

/** Entry point of the `linnet` command. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      "redirect-uri": { type: "string", multiple: true },
      type: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      application: { type: "string", multiple: true },
      json: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  if (command === "serve") {
    const role = (values.role ?? "all") as Role;
    if (!["all", "api", "worker"].includes(role)) {
      console.error("error: --role must be all, api or worker");
      return 1;
    }
    await serveCommand(config, role);
    return -1; // keep running
  }
  if (command === "migrate") return migrateCommand(config);
  if (command === "backup") return backupCommand(config, sub);
  if (command === "restore") return restoreCommand(config, sub, values.force);
  if (command === "app" && sub === "create") {
    return appCreateCommand(config, {
      name: values.name,
      redirectUris: values["redirect-uri"] ?? [],
      type: values.type,
      json: values.json,
    });
  }
  if (command === "user" && sub === "create") {
    return userCreateCommand(config, {
      email: values.email,
      password: values.password,
      role: values.role,
      applications: values.application ?? [],
      json: values.json,
    });
  }
  console.error(`error: unknown command "${positionals.join(" ")}"\n\n${USAGE}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
