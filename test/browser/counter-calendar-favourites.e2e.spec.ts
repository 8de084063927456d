import type { Page } from 'playwright-core';
import { bearer, staffToken } from '../support/library-fixture';
import { PHONE } from './support/chromium';
import { CENTRAL, expectAccessible, PASSWORD, registerPatron, signInAsStaff, startBrowserLibrary, type BrowserLibrary } from './support/browser-library';
import { screenshot } from './support/screenshots';

/** The counter, the calendar and the patron's own tools: what the desk and a patron do besides the hold's main path. */
describe('the counter, the calendar and favourites in the browser (R1, R4, R7, R9, R12, R14, R15, R20, R25, R28, R30)', () => {
  let target: BrowserLibrary;
  let staff: Page;
  let patron: Page;
  let waitingHoldId: string;
  const card = '100000002';

  beforeAll(async () => {
    target = await startBrowserLibrary();
    const { library, app } = target;
    await registerPatron(library, card, '鈴木 次郎');
    await registerPatron(library, '100000009', '佐藤 一郎');
    // Registered while the card was still valid (a card expired on the day of registration is refused), in March.
    const now = app.clock.now();
    app.clock.set('2026-03-02T01:00:00Z');
    await app
      .http()
      .post('/staff/patrons')
      .set(bearer(await staffToken(app)))
      .send({ cardNumber: '100000003', name: '高橋 三郎', birthDate: '1970-01-15', cardExpiresOn: '2026-03-31', wideArea: false })
      .expect(201);
    app.clock.set(now);
    await library.title('T-300', 'book', 'こころ');
    await library.copy('C-300', 'T-300', CENTRAL.id);
    await library.title('T-500', 'magazine', '月刊 図書館');
    for (const [titleId, name] of [
      ['T-400', '三四郎'],
      ['T-600', 'それから'],
      ['T-700', '門'],
    ]) {
      await library.title(titleId, 'book', name);
      await library.copy(`C-${titleId.slice(2)}`, titleId, CENTRAL.id);
      await library.checkout(`C-${titleId.slice(2)}`, '100000009');
    }
    const token = (await app.http().post('/auth/login').send({ cardNumber: card, password: PASSWORD }).expect(200)).body.accessToken as string;
    await app.http().post('/me/holds').set(bearer(token)).send({ titleId: 'T-600', pickupLocationId: CENTRAL.id, contactMethod: 'phone' }).expect(201);
    await library.checkin('C-600', CENTRAL.id);
    waitingHoldId = (
      await app.http().post('/me/holds').set(bearer(token)).send({ titleId: 'T-700', pickupLocationId: CENTRAL.id, contactMethod: 'phone' }).expect(201)
    ).body.holdId;
    staff = await target.browser.newPage();
    patron = await target.browser.newPage();
    await signInAsStaff(staff, target.baseUrl);
    await staff.getByLabel('担当館').selectOption(CENTRAL.id);
  });
  afterAll(() => target?.close());

  it('R1 R4 staff look a patron up by card number, issue the first password and renew the expired card', async () => {
    await staff.getByRole('link', { name: '利用者' }).click();
    await staff.getByLabel('利用者カード番号で探す').fill('100000003');
    await staff.getByRole('button', { name: '表示', exact: true }).click();
    await staff.getByRole('heading', { name: '高橋 三郎' }).waitFor();
    await expect(staff.locator('dl.facts').first().textContent()).resolves.toMatch(/カード有効期限2026年3月31日\(火\) 期限切れ.*パスワード未発行/);

    await staff.getByLabel('パスワード', { exact: true }).fill('first-password-123');
    await staff.getByRole('button', { name: '発行する' }).click();
    await staff.getByRole('status').filter({ hasText: 'パスワードを発行しました。' }).waitFor();
    await staff.getByLabel('新しい有効期限').fill('2031-03-31');
    await staff.getByRole('button', { name: '更新する' }).click();
    await staff.getByRole('status').filter({ hasText: 'カードを更新しました。有効期限 2031年3月31日(月)。' }).waitFor();
    await expect(staff.locator('dl.facts').first().textContent()).resolves.toMatch(/カード有効期限2031年3月31日\(月\).*パスワード発行済み/);
    await expect(target.app.http().post('/auth/login').send({ cardNumber: '100000003', password: 'first-password-123' })).resolves.toHaveProperty(
      'status',
      200,
    );
  });

  it('R7 R20 a counter hold for the patron, and a staff cancellation with its reason in the hold history', async () => {
    await staff.getByLabel('利用者カード番号で探す').fill(card);
    await staff.getByRole('button', { name: '表示', exact: true }).click();
    await staff.getByRole('heading', { name: '鈴木 次郎' }).waitFor();
    await staff.getByLabel('資料ID').fill('T-300');
    await staff.getByLabel('受取館').selectOption(CENTRAL.id);
    await staff.getByLabel('連絡方法').selectOption('phone');
    await staff.getByRole('button', { name: '予約する' }).click();
    await staff.getByRole('status').filter({ hasText: '予約しました（1番目）。' }).waitFor();

    await staff.getByRole('button', { name: '「門」の予約を取り消す' }).click();
    await staff.getByLabel('取消の理由').fill('利用者から電話で取消の連絡');
    await staff.getByRole('button', { name: '取消を確定' }).click();
    await staff.getByRole('status').filter({ hasText: '「門」の予約を取り消しました。' }).waitFor();
    await expect(staff.getByRole('region', { name: '予約（順番待ち・回送中）' }).textContent()).resolves.toMatch(/こころ.*順番待ち.*1番目／1人/);
    await screenshot(staff, 'console-patron-lookup');
    await expectAccessible(staff);

    await staff.goto(`${target.baseUrl}/console/holds/${waitingHoldId}`);
    const cancelled = staff.locator('li[data-event-type="HoldCancelled"]');
    await expect(cancelled.textContent()).resolves.toMatch(/予約を取消.*誰が職員 admin理由利用者から電話で取消の連絡/);
  });

  it('R9 R14 the pull list shows the copy on the shelf wanted by the counter hold; the call list records an attempt', async () => {
    await staff.getByRole('link', { name: '書架から抜く' }).click();
    await expect(staff.getByRole('row', { name: /こころ/ }).textContent()).resolves.toMatch(/こころ \(T-300\)C-3001/);
    await expectAccessible(staff);

    await staff.getByRole('link', { name: '電話連絡' }).click();
    const row = staff.getByRole('row', { name: /それから/ });
    await expect(row.textContent()).resolves.toMatch(/鈴木 次郎.*それから.*電話0/);
    await row.getByRole('button', { name: '応答なし（鈴木 次郎）' }).click();
    await staff.getByRole('status').filter({ hasText: '鈴木 次郎 さんへの連絡を記録しました（応答なし）。' }).waitFor();
    await expect(staff.getByRole('row', { name: /それから/ }).textContent()).resolves.toMatch(/電話1/);
    await screenshot(staff, 'console-call-list');
    await expectAccessible(staff);
  });

  it('R30 an emergency closure on the calendar moves the last pickup day of the ready hold, and says so', async () => {
    await staff.getByRole('link', { name: 'カレンダー' }).click();
    const month = staff.getByRole('table', { name: '2026年11月' });
    await expect(month.locator('td[data-day="2026-11-23"]').textContent()).resolves.toBe('23勤労感謝の日');
    await expect(month.locator('td[data-day="2026-11-30"]').textContent()).resolves.toBe('30定休日');
    await staff.getByLabel('開始日').fill('2026-11-26');
    await staff.getByLabel('終了日').fill('2026-11-26');
    await staff.getByLabel('理由').fill('台風のため臨時休館');
    await staff.getByRole('button', { name: '臨時休館を登録' }).click();
    await staff.getByRole('status').filter({ hasText: '2026年11月26日(木)〜2026年11月26日(木) を休館にしました。' }).waitFor();
    await expect(staff.getByRole('row', { name: /それから/ }).textContent()).resolves.toBe('それから1000000022026年12月5日(土)2026年12月6日(日)');
    await expect(month.locator('td[data-day="2026-11-26"]').textContent()).resolves.toBe('26台風のため臨時休館');
    await screenshot(staff, 'console-calendar');
    await expectAccessible(staff);

    const shelf = await target.app.http().get(`/staff/locations/${CENTRAL.id}/hold-shelf`).set(bearer(target.library.staff)).expect(200);
    expect(shelf.body.items).toEqual([expect.objectContaining({ titleName: 'それから', lastPickupDay: '2026-12-06' })]);
  });

  it('the patron page works from the keyboard alone: skip link, labelled fields, Enter to sign in, focus on the new heading', async () => {
    await patron.goto(`${target.baseUrl}/patron`);
    await screenshot(patron, 'patron-login');
    await expectAccessible(patron);
    await patron.keyboard.press('Tab');
    await expect(
      patron.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent),
    ).resolves.toBe('本文へ移動');
    await patron.keyboard.press('Tab');
    await patron.keyboard.press('Tab');
    await patron.keyboard.type(card);
    await patron.keyboard.press('Tab');
    await patron.keyboard.type(PASSWORD);
    await patron.keyboard.press('Enter');
    await patron.getByRole('heading', { level: 1, name: '利用状況' }).waitFor();
    // Focus moves to the new screen's heading once it has rendered; wait for it rather than racing the render.
    await patron.waitForFunction(
      () => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent === '利用状況',
      undefined,
      { timeout: 5000 },
    );
  });

  it('R15 R9 R12 favourites kept in the browser: a batch hold places what it can and shows each refusal with its reason', async () => {
    await patron.getByRole('link', { name: 'お気に入り' }).click();
    for (const [titleId, note] of [
      ['T-400', '三四郎'],
      ['T-300', 'こころ'],
      ['T-500', '月刊 図書館'],
      ['T-999', ''],
    ]) {
      await patron.getByLabel('資料ID').fill(titleId);
      await patron.getByLabel('メモ（書名など）').fill(note);
      await patron.getByRole('button', { name: 'お気に入りに追加' }).click();
    }
    for (const label of ['三四郎 (T-400)', 'こころ (T-300)', '月刊 図書館 (T-500)', 'T-999']) await patron.getByLabel(label, { exact: true }).check();
    await patron.getByLabel('受取館').fill(CENTRAL.id);
    await patron.getByLabel('連絡方法').selectOption('phone');
    await patron.getByRole('button', { name: '確認へ進む' }).click();
    await patron.getByRole('heading', { name: '予約内容の確認' }).waitFor();
    await patron.getByRole('button', { name: '予約を確定する' }).click();

    const results = patron.getByRole('region', { name: '予約の結果' });
    await results.getByText('1件を予約しました。3件は予約できませんでした。').waitFor();
    const outcome = (titleId: string) => results.locator(`li[data-title-id="${titleId}"]`).textContent();
    await expect(outcome('T-400')).resolves.toBe('三四郎 (T-400)予約しました 1番目');
    await expect(outcome('T-300')).resolves.toMatch(/^こころ \(T-300\)予約できません この資料はすでに予約しています。（規則 R12）/);
    await expect(outcome('T-500')).resolves.toMatch(
      /^月刊 図書館 \(T-500\)予約できません この種類の資料はインターネットから予約できません（カウンターで受け付けます）。（規則 R9）/,
    );
    await expect(outcome('T-999')).resolves.toMatch(/^T-999予約できません その資料IDの資料はありません。/);
    await screenshot(patron, 'patron-favourites-batch');
    await expectAccessible(patron);

    await results.getByRole('button', { name: 'T-999 をお気に入りから外す' }).click();
    expect(
      await patron.evaluate(() =>
        (globalThis as unknown as { localStorage: { getItem(key: string): string } }).localStorage.getItem('holds.patron.favourites.100000002'),
      ),
    ).not.toContain('T-999');
  });

  it('R25 R28 the patron registers an e-mail address and changes the password', async () => {
    await patron.getByRole('link', { name: '設定' }).click();
    await patron.getByLabel('新しいメールアドレス').fill('jiro@example.jp');
    await patron.getByRole('button', { name: '登録する' }).click();
    await patron.getByRole('status').filter({ hasText: 'メールアドレスを登録しました。' }).waitFor();
    await patron.getByText('登録中のアドレス：jiro@example.jp').waitFor();

    await patron.getByLabel('今のパスワード').fill(PASSWORD);
    await patron.getByLabel('新しいパスワード', { exact: true }).fill('a-new-long-password');
    await patron.getByLabel('新しいパスワード（確認）').fill('a-different-password');
    await patron.getByRole('button', { name: '変更する' }).click();
    await patron.getByRole('alert').filter({ hasText: '新しいパスワードが確認用と一致しません。' }).waitFor();
    await patron.getByLabel('新しいパスワード（確認）').fill('a-new-long-password');
    await patron.getByRole('button', { name: '変更する' }).click();
    await patron.getByRole('status').filter({ hasText: 'パスワードを変更しました。' }).waitFor();
    await expectAccessible(patron);
    await expect(target.app.http().post('/auth/login').send({ cardNumber: card, password: 'a-new-long-password' })).resolves.toHaveProperty('status', 200);
  });

  it('in English on a phone-sized screen, both pages stay readable and pass the accessibility check', async () => {
    await patron.setViewportSize(PHONE);
    await patron.getByRole('button', { name: /English/ }).click();
    await patron.getByRole('link', { name: 'My account' }).click();
    await patron.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expect(patron.getByRole('region', { name: 'Ready for pickup' }).textContent()).resolves.toMatch(
      /それからPick up at中央図書館Last pickup daySun, 6 Dec 2026/,
    );
    await screenshot(patron, 'patron-lists-phone-en');
    await expectAccessible(patron);

    await staff.setViewportSize(PHONE);
    await staff.getByRole('link', { name: '予約棚' }).click();
    await staff.getByRole('row', { name: /それから/ }).waitFor();
    await screenshot(staff, 'console-hold-shelf-phone');
    await expectAccessible(staff);
  });
});
