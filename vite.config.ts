import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const web = (p: string) => fileURLToPath(new URL(`./web/${p}`, import.meta.url));

/** One build, three pages: hosted Connect, the employer status page and the demo app. Served under /static/. */
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
      },
    },
  },
});
