import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots go to docs/screenshots (shown in the README) when UPDATE_SCREENSHOTS=1, else to a temporary
 * folder: every run still renders and saves each screen, but only a deliberate run changes the committed ones.
 */
const DIRECTORY = process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '..', '..', '..', 'docs', 'screenshots') : join(tmpdir(), 'holds-screenshots');
mkdirSync(DIRECTORY, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(DIRECTORY, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}
