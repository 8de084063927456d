import { chromium, type BrowserContext, type Page } from 'playwright-core';
// Debian's Chromium (apt-get install chromium): jest's global setup fails the run in one line when it is missing.
import { CHROMIUM } from '../../support/binaries';

/** Without the background-networking flags Chromium keeps dialling hosts this machine cannot reach. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Browser {
  /** A page in a context of its own: one person at one device (own storage, never a background tab). */
  newPage(): Promise<Page>;
  /** Sets the clock of every page, so "today" in the pages is the API's day. */
  setNow(now: Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium, in Japanese and the library's time zone. Playwright starts it on a fresh profile (its own
 * temporary --user-data-dir, removed on close); each person gets a context of their own, so a patron and the
 * desk never share storage and neither page runs as a throttled background tab.
 */
export async function launchChromium(now: Date): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  let clock = now;
  return {
    async newPage() {
      const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: DESKTOP });
      context.setDefaultTimeout(10_000);
      await context.clock.setFixedTime(clock);
      contexts.push(context);
      return context.newPage();
    },
    async setNow(next) {
      clock = next;
      await Promise.all(contexts.map((context) => context.clock.setFixedTime(next)));
    },
    close: () => browser.close(),
  };
}
