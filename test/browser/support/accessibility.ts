import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core run inside the page as it is now (WCAG 2.x A and AA rules and best practices); only serious and
 * critical findings are returned, each with the elements it found.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated by the browser's debugger protocol, which the pages' Content-Security-Policy (no inline script) does
  // not govern; an injected <script> tag would be blocked like any other inline script.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe;
    return axe.run({ resultTypes: ['violations'] });
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
