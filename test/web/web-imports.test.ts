import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The web bundles' import rules, read from the sources: web/ imports only web/ and contracts/ (never server/); the
 * console shell and the shared ui/ never reach into a console; the developer dashboard never imports the operations
 * console (what both need lives in web/console/ or web/ui/).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");

/** Every source file of the web bundles (not the build output). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "dist" ? [] : sources(full);
    return /\.(tsx?|css)$/.test(entry.name) ? [full] : [];
  });
}

/** The files a source imports, as paths relative to the repository ("web/ui/format.js", "contracts/…"), and its package imports. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|@import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
  return {
    local: specifiers.filter((s) => s.startsWith(".")).map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s))),
    packages: specifiers.filter((s) => !s.startsWith(".")),
  };
}

const edges = sources(WEB).flatMap((file) => {
  const from = path.relative(ROOT, file);
  const { local, packages } = importsOf(file);
  return [...local.map((to) => ({ from, to })), ...packages.map((to) => ({ from, to: `package:${to}` }))];
});

const inside = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);

describe("web import rules", () => {
  it("reads the imports of every page", () => {
    expect(edges.filter((e) => inside(e.from, "web/dashboard") && inside(e.to, "web/console")).length).toBeGreaterThan(5);
  });

  it("web/ imports only web/, contracts/ and its browser packages", () => {
    const allowed = ["package:react", "package:react-dom/client", "package:zod", "package:@tryfinch/react-connect"];
    const wrong = edges.filter((e) =>
      e.to.startsWith("package:") ? !allowed.includes(e.to) : !inside(e.to, "web") && !inside(e.to, "contracts"),
    );
    expect(wrong).toEqual([]);
  });

  it("the dashboard imports only web/console/, web/ui/ and contracts/ from outside its folder", () => {
    const wrong = edges.filter(
      (e) =>
        inside(e.from, "web/dashboard") &&
        inside(e.to, "web") &&
        !inside(e.to, "web/dashboard") &&
        !inside(e.to, "web/console") &&
        !inside(e.to, "web/ui"),
    );
    expect(wrong).toEqual([]);
  });

  it("the console shell imports only web/ui/; web/ui/ imports nothing else of web/", () => {
    const wrong = edges.filter(
      (e) =>
        (inside(e.from, "web/console") && inside(e.to, "web") && !inside(e.to, "web/console") && !inside(e.to, "web/ui")) ||
        (inside(e.from, "web/ui") && inside(e.to, "web") && !inside(e.to, "web/ui")),
    );
    expect(wrong).toEqual([]);
  });
});
