import type { Page } from 'playwright-core';
import { ADMIN, bearer, LibraryFixture } from '../../support/library-fixture';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seriousViolations } from './accessibility';
import { launchChromium, type Browser } from './chromium';
import { buildFrontEnd } from './front-end-build';

/** Tuesday 24 November 2026, 10:00 in Tokyo: central is open (it closes on Mondays and national holidays). */
export const START = '2026-11-24T01:00:00Z';

export const CENTRAL = { id: 'central', name: '中央図書館' };
export const EAST = { id: 'east', name: '東分室' };
export const PASSWORD = 'patron-password';

/** The app on its real HTTP stack with the built pages, a fixture to seed it through the staff API, and Chromium. */
export interface BrowserLibrary {
  app: TestApp;
  library: LibraryFixture;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startBrowserLibrary(): Promise<BrowserLibrary> {
  await buildFrontEnd();
  const app = await startTestApp({ now: START });
  const library = await LibraryFixture.create(app);
  await library.location(CENTRAL.id, CENTRAL.name);
  await library.location(EAST.id, EAST.name);
  await library.calendar(CENTRAL.id, { weeklyClosedDays: [1], closedOnNationalHolidays: true });
  const browser = await launchChromium(app.clock.now());
  const address = app.app.getHttpServer().address() as { port: number };
  return {
    app,
    library,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** A registered patron with a name and a password, through the staff API. */
export async function registerPatron(library: LibraryFixture, cardNumber: string, name: string): Promise<void> {
  await library.app
    .http()
    .post('/staff/patrons')
    .set(bearer(library.staff))
    .send({ cardNumber, name, birthDate: '1985-04-10', cardExpiresOn: '2030-03-31', wideArea: false })
    .expect(201);
  await library.app.http().post(`/staff/patrons/${cardNumber}/password`).set(bearer(library.staff)).send({ password: PASSWORD }).expect(204);
}

/** Moves the app's clock and the pages' clock together. */
export async function setNow(target: BrowserLibrary, instant: string): Promise<void> {
  target.app.clock.set(instant);
  await target.browser.setNow(new Date(instant));
}

/** The accessibility check every screen must pass: no serious or critical axe-core finding. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

export async function signInAsPatron(page: Page, baseUrl: string, cardNumber: string): Promise<void> {
  await page.goto(`${baseUrl}/patron`);
  await page.getByLabel('利用者カード番号').fill(cardNumber);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { level: 1, name: '利用状況' }).waitFor();
}

export async function signInAsStaff(page: Page, baseUrl: string, path = '/console'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('職員ID').fill(ADMIN.staffId);
  await page.getByLabel('パスワード', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
}
