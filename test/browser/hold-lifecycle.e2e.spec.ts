import type { Page } from 'playwright-core';
import { ADMIN, bearer } from '../support/library-fixture';
import {
  CENTRAL,
  expectAccessible,
  registerPatron,
  setNow,
  signInAsPatron,
  signInAsStaff,
  startBrowserLibrary,
  type BrowserLibrary,
} from './support/browser-library';
import { screenshot } from './support/screenshots';

/**
 * One hold's life through the two pages, as a patron and the desk see it: placed and cancelled online,
 * placed again, filled by a returned copy, ready, not collected, taken off the shelf, and audited.
 */
describe('a hold in the browser: patron page and staff console (R17-R19, R22, R23, I4)', () => {
  let target: BrowserLibrary;
  let patron: Page;
  let staff: Page;
  const card = '100000001';

  beforeAll(async () => {
    target = await startBrowserLibrary();
    const { library } = target;
    await registerPatron(library, card, '山田 花子');
    await registerPatron(library, '100000009', '佐藤 一郎');
    await library.title('T-100', 'book', '吾輩は猫である');
    await library.copy('C-100', 'T-100', CENTRAL.id);
    await library.title('T-200', 'book', '坊っちゃん');
    await library.copy('C-200', 'T-200', CENTRAL.id);
    await library.checkout('C-100', '100000009');
    await library.checkout('C-200', '100000009');
    patron = await target.browser.newPage();
    staff = await target.browser.newPage();
  });
  afterAll(() => target?.close());

  const placeHold = async (titleId: string) => {
    await patron.getByRole('link', { name: '予約する' }).click();
    await patron.getByLabel('資料ID').fill(titleId);
    await patron.getByLabel('受取館').fill(CENTRAL.id);
    await patron.getByLabel('連絡方法').selectOption('phone');
    await patron.getByRole('button', { name: '予約する' }).click();
    await patron.getByRole('status').filter({ hasText: '予約しました。あなたは1番目です。' }).waitFor();
  };

  it('R22 R19 the patron places a hold, sees it with its queue position, and cancels it online', async () => {
    await signInAsPatron(patron, target.baseUrl, card);
    await expectAccessible(patron);
    await placeHold('T-200');
    await expectAccessible(patron);

    await patron.getByRole('link', { name: '利用状況' }).click();
    const hold = patron.locator('li', { has: patron.getByRole('heading', { name: '坊っちゃん' }) });
    await expect(hold.textContent()).resolves.toContain('1番目（1人中）');
    await hold.getByRole('button', { name: '「坊っちゃん」の予約を取り消す' }).click();
    await hold.getByRole('button', { name: '取り消す', exact: true }).click();
    await patron.getByRole('status').filter({ hasText: '「坊っちゃん」の予約を取り消しました。' }).waitFor();
    await patron.getByText('予約はありません。', { exact: true }).waitFor();
  });

  it('R17 staff check the copy in at the desk: it fills the new hold and goes on the hold shelf', async () => {
    await placeHold('T-100');
    await staff.goto(`${target.baseUrl}/console`);
    await expectAccessible(staff);
    await signInAsStaff(staff, target.baseUrl);
    await staff.getByLabel('担当館').selectOption(CENTRAL.id);
    await staff.getByRole('link', { name: '貸出・返却' }).click();
    await staff.getByLabel('資料番号（バーコード）').first().fill('C-100');
    await staff.getByRole('button', { name: '返却する' }).click();
    const outcome = staff.getByRole('alert');
    await expect(outcome.textContent()).resolves.toContain(`C-100: 予約棚へ：利用者 ${card} の予約に充てました`);
    await expect(outcome.textContent()).resolves.toContain('最終受取日 2026年12月5日(土)');
    await screenshot(staff, 'console-desk-checkin');
    await expectAccessible(staff);

    await staff.getByRole('link', { name: '予約棚' }).click();
    const row = staff.getByRole('row', { name: /吾輩は猫である/ });
    await expect(row.textContent()).resolves.toMatch(/2026年12月5日\(土\).*あと11日.*C-100.*100000001.*電話/);
    await screenshot(staff, 'console-hold-shelf');
    await expectAccessible(staff);
  });

  it('R23 R19 the patron sees the hold ready, with pickup location and last pickup day, and no cancel button', async () => {
    await patron.getByRole('link', { name: '利用状況' }).click();
    const ready = patron.getByRole('region', { name: '受取可能な予約' });
    const item = ready.locator('li', { has: patron.getByRole('heading', { name: '吾輩は猫である' }) });
    await expect(item.textContent()).resolves.toMatch(/受取館中央図書館受取期限2026年12月5日\(土\)/);
    expect(await ready.getByRole('button').count()).toBe(0);
    await expect(ready.textContent()).resolves.toContain('取り消すときは図書館へ電話するか、来館してお申し出ください。');
    await screenshot(patron, 'patron-lists');
    await expectAccessible(patron);
  });

  it('R18 I4 once the window is over the sweep ends the hold, and staff take the copy off the shelf', async () => {
    await setNow(target, '2026-12-06T01:00:00Z');
    const { library } = target;
    const sweep = await library.app
      .http()
      .post('/staff/expiry/sweep')
      .set(bearer(await freshStaffToken(target)));
    expect(sweep.status).toBeLessThan(300);

    // Twelve days on, the console's token has lapsed: the console says so and asks for a new sign-in.
    await staff.getByRole('link', { name: '棚から下ろす' }).click();
    await staff.getByText('ログインの有効期限が切れました。').waitFor();
    await signInAsStaff(staff, target.baseUrl, '/console/clearance');
    const row = staff.getByRole('row', { name: /吾輩は猫である/ });
    await expect(row.textContent()).resolves.toMatch(/C-100.*受取期限切れ/);
    await screenshot(staff, 'console-clearance');
    await expectAccessible(staff);

    await row.getByRole('link', { name: '予約の詳細' }).click();
    await staff.getByRole('heading', { level: 1, name: /予約の詳細/ }).waitFor();
    await staff.goBack();
    await staff.getByRole('button', { name: '資料 C-100 を棚から下ろした' }).click();
    await staff.getByRole('status').filter({ hasText: '資料 C-100 を予約棚から下ろしました。' }).waitFor();
    await staff.getByText('下ろす資料はありません。').waitFor();
  });

  it('the hold page shows every event of the hold with who and when, the window on the calendar, and the state at any instant', async () => {
    const holds = await target.library.app
      .http()
      .get(`/staff/patrons/${card}/history`)
      .set(bearer(await freshStaffToken(target)))
      .expect(200);
    const holdId = (holds.body.items as { type: string; data: { holdId?: string; titleId?: string } }[]).find(
      (entry) => entry.type === 'HoldSlotClaimed' && entry.data.titleId === 'T-100',
    )?.data.holdId;
    const history = await target.library.app
      .http()
      .get(`/staff/holds/${holdId}/history`)
      .set(bearer(await freshStaffToken(target)))
      .expect(200);
    const types = (history.body.items as { type: string }[]).map((entry) => entry.type);
    expect(types).toEqual(['HoldSlotClaimed', 'HoldPlaced', 'HoldReady', 'PickupExpired', 'HoldSlotReleased', 'HoldShelfCleared']);

    await staff.goto(`${target.baseUrl}/console/holds/${holdId}`);
    const timeline = staff.getByRole('region', { name: '履歴' });
    await timeline.locator('li').first().waitFor();
    expect(await timeline.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type')))).toEqual(types);
    await expect(timeline.locator('li[data-event-type="HoldPlaced"]').textContent()).resolves.toMatch(
      /予約を受付.*利用者 100000001.*インターネット・中央図書館・電話/,
    );
    await expect(timeline.locator('li[data-event-type="PickupExpired"]').textContent()).resolves.toMatch(/誰が職員 admin.*最終受取日 2026年12月5日\(土\)/);

    const window = staff.getByRole('region', { name: /受取期間/ });
    await expect(window.locator('td[data-day="2026-11-30"]').getAttribute('class')).resolves.toContain('closed');
    await expect(window.locator('td[data-day="2026-12-05"]').getAttribute('class')).resolves.toContain('last-day');

    await timeline.getByRole('button', { name: 'この時点を見る: 受取可能になった（連絡）' }).click();
    await staff.getByTestId('as-of-status').filter({ hasText: '受取可能' }).waitFor();
    await screenshot(staff, 'console-hold-timeline');
    await expectAccessible(staff);
  });
});

async function freshStaffToken(target: BrowserLibrary): Promise<string> {
  const response = await target.app.http().post('/staff/auth/login').send(ADMIN).expect(200);
  return response.body.accessToken as string;
}
