import { defineConfig } from "drizzle-kit";

/** `npm run db:generate` writes forward-only migrations from server/db/schema (no database needed). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema/index.ts",
  out: "./server/db/migrations",
});
