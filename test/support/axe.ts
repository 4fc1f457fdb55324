import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);

/** One axe-core finding, reduced to what a failure message needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Run axe-core (the dev dependency, injected into the page) and return its serious and critical violations.
 * An empty list is the goal; the findings name the rule and the elements so a failure says what to fix.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // evaluated over the DevTools protocol rather than added as a <script>: the pages' CSP rightly refuses inline scripts
  await page.evaluate(fs.readFileSync(require.resolve("axe-core"), "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
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
