import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const web = (p: string) => fileURLToPath(new URL(`./web/${p}`, import.meta.url));

/** One build, four pages: hosted Connect, the employer status page, the demo app and the operations console. Served under /static/. */
export default defineConfig({
  root: web(""),
  base: "/static/",
  plugins: [react()],
  build: {
    outDir: web("dist"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        connect: web("connect/index.html"),
        status: web("status/index.html"),
        demo: web("demo/index.html"),
        ops: web("ops/index.html"),
        dashboard: web("dashboard/index.html"),
      },
    },
  },
});
