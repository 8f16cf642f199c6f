/** What the accessibility tests check on every page: axe-core's WCAG 2.1 AA audit, reflow and standards mode. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own bundle, injected into each page as its README shows. */
export const AXE = createRequire(import.meta.url)('axe-core').source as string;
/** WCAG 2.1 A and AA, the level Tandem's pages meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The page's WCAG 2.1 AA violations (axe), whether it scrolls sideways at its width (reflow, 1.4.10), and
 * whether it renders in quirks mode (no doctype).
 */
export async function audit(page: Page) {
  await page.evaluate(AXE); // evaluated, not injected: the pages' Content-Security-Policy allows no inline script
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe.run({
      runOnly: { type: 'tag', values: tags },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, WCAG_21_AA);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  const quirks = await page.evaluate(() => document.compatMode !== 'CSS1Compat');
  return { violations, sideways, quirks };
}

/** Every page visited, and what the audit found there. */
export const found: { page: string; violations: Violation[]; sideways: boolean; quirks: boolean }[] = [];

/** Opens a page (or takes one already open) at a phone's width and at a desktop's, and audits both. */
export async function check(page: Page, name: string, open?: () => Promise<unknown>) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    if (open) await open();
    found.push({ page: `${name} at ${width} px`, ...(await audit(page)) });
  }
}

/** Sends the page's form as it stands (left empty, to reach its error summary). */
export const send = (page: Page) =>
  page
    .locator('main form.card button[type=submit]')
    .click()
    .then(() => page.waitForLoadState());
