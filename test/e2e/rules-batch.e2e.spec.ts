import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const LENDER = '900000001';

/** Every HoldSlotClaimed of the patron's stream is matched by a placed hold or released again: nothing half-placed. */
function claimsWithoutHold(history: { type: string; data: Record<string, unknown> }[], placedHoldIds: string[]) {
  const claimed = history.filter((event) => event.type === 'HoldSlotClaimed').map((event) => event.data.holdId as string);
  const released = new Set(history.filter((event) => event.type === 'HoldSlotReleased').map((event) => event.data.holdId as string));
  return claimed.filter((holdId) => !placedHoldIds.includes(holdId) && !released.has(holdId));
}

describe('R15: holds on several titles at once (library-b)', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-b' } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly(LENDER);
  });
  afterAll(() => app.close());

  const batch = (token: string, titleIds: string[], contactMethod = 'none') =>
    app.http().post('/me/holds/batch').set(bearer(token)).send({ titleIds, pickupLocationId: 'central', contactMethod });

  it('each title is placed or refused with its reason, and a refused title leaves nothing behind', async () => {
    const card = '100000001';
    const token = await library.patron(card);
    await library.titleOnLoan('T-OK-1', 'central', LENDER);
    await library.titleOnLoan('T-OK-2', 'central', LENDER);
    await library.titleOnLoan('T-MINE', 'central', card);
    await library.titleOnLoan('T-HELD', 'central', LENDER);
    await library.titleOnLoan('T-MAG', 'central', LENDER, 'magazine');
    await library.title('T-SHELF');
    await library.copy('T-SHELF-c1', 'T-SHELF', 'central');
    const { body: held } = await library.placeHold(token, 'T-HELD', 'central').expect(201);

    const answer = await batch(token, ['T-OK-1', 'T-SHELF', 'T-MINE', 'T-HELD', 'T-MAG', 'T-NONE', 'T-OK-2']).expect(200);
    expect(answer.headers['x-event-position']).toMatch(/^\d+$/);
    expect(answer.body.results).toEqual([
      { titleId: 'T-OK-1', placed: true, holdId: expect.any(String), queuePosition: 1 },
      { titleId: 'T-SHELF', placed: false, problem: expect.objectContaining({ type: '/problems/copy-available-on-shelf', rule: 'R9' }) },
      { titleId: 'T-MINE', placed: false, problem: expect.objectContaining({ type: '/problems/title-on-loan-to-patron', rule: 'R10' }) },
      { titleId: 'T-HELD', placed: false, problem: expect.objectContaining({ type: '/problems/already-holding-title', rule: 'R12' }) },
      { titleId: 'T-MAG', placed: false, problem: expect.objectContaining({ type: '/problems/not-holdable-material', rule: 'R9' }) },
      { titleId: 'T-NONE', placed: false, problem: expect.objectContaining({ type: '/problems/unknown-title', rule: null }) },
      { titleId: 'T-OK-2', placed: true, holdId: expect.any(String), queuePosition: 1 },
    ]);
    for (const result of answer.body.results.filter((entry: { placed: boolean }) => !entry.placed)) expect(result.problem.detail).toEqual(expect.any(String));

    const placedIds = [
      held.holdId,
      ...answer.body.results.filter((entry: { placed: boolean }) => entry.placed).map((entry: { holdId: string }) => entry.holdId),
    ];
    const profile = await app.http().get('/me').set(bearer(token)).expect(200);
    expect(profile.body.activeHolds).toBe(3);
    const holds = await app.http().get('/me/holds').set(bearer(token)).expect(200);
    expect(holds.body.items.map((hold: { holdId: string }) => hold.holdId).sort()).toEqual([...placedIds].sort());
    expect(claimsWithoutHold(await library.patronHistory(card), placedIds)).toEqual([]);
  });

  it('a batch that crosses the hold limit places up to the limit and refuses the rest naming R7', async () => {
    const card = '100000002';
    const token = await library.patron(card);
    const titles = Array.from({ length: 12 }, (_, index) => `T-LIM-${index + 1}`);
    for (const titleId of titles) await library.titleOnLoan(titleId, 'central', LENDER);
    for (const titleId of titles.slice(0, 8)) await library.placeHold(token, titleId, 'central').expect(201);

    const answer = await batch(token, titles.slice(8)).expect(200);
    expect(answer.body.results.map((entry: { placed: boolean }) => entry.placed)).toEqual([true, true, false, false]);
    expect(answer.body.results[2].problem).toMatchObject({ type: '/problems/hold-limit-reached', rule: 'R7' });
    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.activeHolds).toBe(10);
    const history = await library.patronHistory(card);
    expect(history.filter((event) => event.type === 'HoldSlotClaimed')).toHaveLength(10);
  });

  it('a title refused by the contact method (R14) is refused for every title, and claims no slot', async () => {
    const card = '100000003';
    const token = await library.patron(card);
    await library.titleOnLoan('T-MAIL-1', 'central', LENDER);
    const answer = await batch(token, ['T-MAIL-1', 'T-MAIL-1'], 'email').expect(200);
    expect(answer.body.results).toEqual([
      { titleId: 'T-MAIL-1', placed: false, problem: expect.objectContaining({ rule: 'R14', type: '/problems/email-not-registered' }) },
    ]);
    expect(answer.headers['x-event-position']).toBeUndefined();
    expect((await library.patronHistory(card)).map((event) => event.type)).toEqual(['PatronRegistered', 'PasswordSet']);
  });
});

describe('R15: Library A places holds one title at a time', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-a' } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.title('T-1');
    await library.copy('T-1-c1', 'T-1', 'central');
  });
  afterAll(() => app.close());

  it('the batch endpoint is not offered, and places nothing', async () => {
    const token = await library.patron('100000001');
    const answer = await app
      .http()
      .post('/me/holds/batch')
      .set(bearer(token))
      .send({ titleIds: ['T-1'], pickupLocationId: 'central', contactMethod: 'none' })
      .expect(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: '/problems/batch-holds-not-offered', rule: 'R15', status: 404 });
    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.activeHolds).toBe(0);
  });
});
