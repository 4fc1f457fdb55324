/**
 * Linnet's dependency rules (`npm run check:deps`), checked on every import, type-only ones included.
 * The layers: server/api → server/commands → server/domain → server/db; server/jobs, server/intake and server/cli
 * are edges like api; web → contracts; contracts import nothing of ours. See docs/architecture.md, "Dependency rules".
 */
const EDGES = "^server/(api|jobs|intake|cli|runtime)(/|\\.ts$)|^server/cli\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "db-is-the-bottom",
      comment: "server/db holds SQL only: it never imports rules, commands or edges.",
      severity: "error",
      from: { path: "^server/db/" },
      to: { path: ["^server/(domain|commands|api|jobs|intake|cli|runtime)(/|\\.ts$)", "^server/cli\\.ts$"] },
    },
    {
      name: "domain-imports-down-only",
      comment: "server/domain never imports what calls it: commands, HTTP, jobs, the SFTP edge, the CLI or the runtime.",
      severity: "error",
      from: { path: "^server/domain/" },
      to: { path: ["^server/commands/", EDGES] },
    },
    {
      name: "commands-below-edges",
      comment: "server/commands are called by the edges (api, jobs, intake, cli, runtime) and never import them.",
      severity: "error",
      from: { path: "^server/commands/" },
      to: { path: EDGES },
    },
    {
      name: "api-through-domain",
      comment:
        "HTTP handlers reach the database through domain functions and commands; they may name a row's type " +
        "(presenters map rows to bodies), but never call server/db themselves.",
      severity: "error",
      from: { path: "^server/api/" },
      to: { path: "^server/db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "jobs-not-api",
      comment: "Job workers call commands and domain functions, never HTTP handlers.",
      severity: "error",
      from: { path: "^server/jobs/" },
      to: { path: "^server/api/" },
    },
    {
      name: "web-contracts-only",
      comment: "The browser bundles import contracts/ and web/ only, never server code.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^(server|catalog|scripts|test)/" },
    },
    {
      name: "contracts-are-leaves",
      comment: "contracts/ is shared by server, web and tests: it imports neither.",
      severity: "error",
      from: { path: "^contracts/" },
      to: { path: "^(server|web)/" },
    },
    {
      name: "no-domain-folder-cycle",
      comment:
        "The capability folders of server/domain (and its root files) import each other in one direction only: " +
        "no cycle between folders. An operation that needs two capabilities calling each other is a command.",
      severity: "error",
      scope: "folder",
      from: { path: "^server/domain" },
      to: { path: "^server/domain", circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "\\.test\\.tsx?$", "^dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};
