/** The whole database schema, one module per aggregate. */
export * from "./activity.js";
export * from "./application-members.js";
export * from "./applications.js";
export * from "./connect-sessions.js";
export * from "./connections.js";
export * from "./credentials.js";
export * from "./operations.js";
export * from "./sandbox.js";
export * from "./snapshots.js";
export * from "./users.js";
export * from "./benefits.js";
export * from "./webhooks.js";
export * from "./pay-statement-item-rules.js";
export * from "./pay-statement-items.js";
export * from "./audit.js";
export * from "./intake.js";
export * from "./intake-sources.js";
