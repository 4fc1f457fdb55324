import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** One axe-core finding, reduced to what a failing assertion should print. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Run axe-core (WCAG 2.x A and AA rules) in the page and return its serious and critical violations.
 * The source is evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not block.
 */
export async function seriousAxeViolations(page: Page, opts: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async (exclude) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : document;
    return axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  }, opts.exclude ?? []);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

/** Save a screenshot of the page at 1280×800 and at 390×844 when LINNET_SCREENSHOTS names a folder (for looking at pages). */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.LINNET_SCREENSHOTS;
  if (!dir) return;
  const original = page.viewportSize();
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
