import type { Page } from 'playwright-core';
import { CENTRAL, registerPatron, signInAsPatron, signInAsStaff, startBrowserLibrary, type BrowserLibrary } from './support/browser-library';

/** Every Content-Security-Policy violation the page reports, from the moment it loads. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Injected by the debugger protocol before the page's own scripts, so the policy under test does not govern it.
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return violations;
}

/** Issue 12: the pages run under the strict policy (scripts, styles and calls from this origin only, nothing inline). */
describe('the pages under Content-Security-Policy', () => {
  let target: BrowserLibrary;

  beforeAll(async () => {
    target = await startBrowserLibrary();
    await registerPatron(target.library, '100000001', '鈴木 次郎');
  });
  afterAll(() => target?.close());

  it('the staff console and the patron page load, sign in and draw their screens (calendar swatches too) without one violation', async () => {
    const staff = await target.browser.newPage();
    const staffViolations = await recordViolations(staff);
    await signInAsStaff(staff, target.baseUrl);
    await staff.getByLabel('担当館').selectOption(CENTRAL.id);
    await staff.getByRole('link', { name: 'カレンダー' }).click();
    await staff.locator('.swatch').first().waitFor();
    // The swatches' colours are set from script (Preact's style objects), which a style-src without 'unsafe-inline' allows.
    const colour = await staff
      .locator('.swatch')
      .first()
      .evaluate(
        (element) => (globalThis as unknown as { getComputedStyle(node: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor,
      );
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');

    const patron = await target.browser.newPage();
    const patronViolations = await recordViolations(patron);
    await signInAsPatron(patron, target.baseUrl, '100000001');
    await patron.getByRole('heading', { level: 1 }).first().waitFor();
    expect([...staffViolations, ...patronViolations]).toEqual([]);
  });
});
