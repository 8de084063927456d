import { bearer, headPosition, readModelModes, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

const LENDER = '900000001';

/** Idempotency-Key on commands: a repeated or double-clicked request makes one change and gets the first answer. */
describe.each(readModelModes())('Idempotency-Key (store: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;
  let cards = 0;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    await library.location('central');
    await library.registerOnly(LENDER);
  });
  afterAll(() => run.close());

  const newPatron = async () => {
    cards += 1;
    const card = String(100000000 + cards);
    return { card, token: await library.patron(card) };
  };
  const place = (token: string, key: string, titleId: string, contactMethod = 'none') =>
    app.http().post('/me/holds').set(bearer(token)).set('Idempotency-Key', key).send({ titleId, pickupLocationId: 'central', contactMethod });
  const holdsOf = async (token: string) => (await app.http().get('/me/holds').set(bearer(token)).expect(200)).body.items;
  const claimsOf = async (card: string) => (await library.patronHistory(card)).filter((event) => event.type === 'HoldSlotClaimed');

  it('the same key and body twice: the same answer, marked Idempotent-Replayed, and one hold', async () => {
    const { card, token } = await newPatron();
    await library.titleOnLoan('T-TWICE', 'central', LENDER);
    const first = await place(token, 'key-twice', 'T-TWICE').expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const head = await headPosition(app);

    const second = await place(token, 'key-twice', 'T-TWICE').expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers['x-event-position']).toBe(first.headers['x-event-position']);
    expect(await headPosition(app)).toBe(head);
    expect(await holdsOf(token)).toEqual([expect.objectContaining({ holdId: first.body.holdId })]);
    expect(await claimsOf(card)).toHaveLength(1);
  });

  it('a double click (the same request at the same moment): one hold, both answers the same', async () => {
    const { card, token } = await newPatron();
    await library.titleOnLoan('T-CLICK', 'central', LENDER);
    const answers = await Promise.all(Array.from({ length: 5 }, () => place(token, 'key-click', 'T-CLICK')));
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(answers[0].body);
    }
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await holdsOf(token)).toHaveLength(1);
    expect(await claimsOf(card)).toHaveLength(1);
  });

  it('the same key with another body: 422, and nothing placed', async () => {
    const { token } = await newPatron();
    await library.titleOnLoan('T-KEY-1', 'central', LENDER);
    await library.titleOnLoan('T-KEY-2', 'central', LENDER);
    await place(token, 'key-reused', 'T-KEY-1').expect(201);
    const head = await headPosition(app);
    const reused = await place(token, 'key-reused', 'T-KEY-2').expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422 });
    expect(await headPosition(app)).toBe(head);
    expect(await holdsOf(token)).toEqual([expect.objectContaining({ titleId: 'T-KEY-1' })]);
  });

  it('keys are per caller: another patron using the same key gets their own hold', async () => {
    const first = await newPatron();
    const second = await newPatron();
    await library.titleOnLoan('T-SHARED-KEY', 'central', LENDER);
    const mine = await place(first.token, 'key-shared', 'T-SHARED-KEY').expect(201);
    const theirs = await place(second.token, 'key-shared', 'T-SHARED-KEY').expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.holdId).not.toBe(mine.body.holdId);
    expect(theirs.body.queuePosition).toBe(2);
  });

  it('a refused request is not remembered: after fixing the cause, the same key places the hold', async () => {
    const { token } = await newPatron();
    await library.titleOnLoan('T-FIX', 'central', LENDER);
    const refused = await place(token, 'key-fix', 'T-FIX', 'email').expect(409);
    expect(refused.body).toMatchObject({ rule: 'R14' });
    await library.registerEmail(token, `fix-${cards}@example.jp`);
    const placed = await place(token, 'key-fix', 'T-FIX', 'email').expect(201);
    expect(placed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a malformed key is a 400', async () => {
    const { token } = await newPatron();
    for (const key of ['has space', 'x'.repeat(129), 'semi;colon', '%C3%BC']) {
      const answer = await place(token, key, 'T-1');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ type: '/problems/invalid-idempotency-key' });
    }
  });

  it('staff commands too: a check-in scanned twice with the same key is checked in once', async () => {
    const { token } = await newPatron();
    await library.titleOnLoan('T-SCAN', 'central', LENDER);
    const { body: hold } = await library.placeHold(token, 'T-SCAN', 'central').expect(201);
    const scan = () =>
      app
        .http()
        .post('/staff/checkins')
        .set(bearer(library.staff))
        .set('Idempotency-Key', 'scan-T-SCAN-c1')
        .send({ copyId: 'T-SCAN-c1', locationId: 'central' });
    const [first, second] = await Promise.all([scan(), scan()]);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.body.outcome).toMatchObject({ action: 'hold-shelf', holdId: hold.holdId });
    const history = await library.holdHistory(hold.holdId);
    expect(history.filter((entry) => entry.type === 'HoldReady')).toHaveLength(1);
  });
});
