import { bearer, readModelModes, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

const LENDER = '900000001';

/** I1: the hold limit (R7) holds when one patron's placements race. */
describe.each(readModelModes())('I1: 20 racing placements for one patron (read models: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    await library.location('central');
    await library.registerOnly(LENDER);
  });
  afterAll(() => run.close());

  it('exactly 10 succeed with 201, the other 10 get a 409 naming R7, and the patron ends with exactly 10 live holds', async () => {
    const card = '100000001';
    const token = await library.patron(card);
    const titles = Array.from({ length: 20 }, (_, index) => `T-RACE-${index + 1}`);
    for (const titleId of titles) await library.titleOnLoan(titleId, 'central', LENDER);

    const answers = await Promise.all(titles.map((titleId) => library.placeHold(token, titleId, 'central')));

    const placed = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ type: '/problems/hold-limit-reached', rule: 'R7' });
    }

    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.activeHolds).toBe(10);
    const holds = (await app.http().get('/me/holds').set(bearer(token)).expect(200)).body.items;
    expect(holds.map((hold: { holdId: string }) => hold.holdId).sort()).toEqual(placed.map((answer) => answer.body.holdId).sort());
    const history = await library.patronHistory(card);
    expect(history.filter((event) => event.type === 'HoldSlotClaimed')).toHaveLength(10);
    expect(history.filter((event) => event.type === 'HoldSlotReleased')).toHaveLength(0);
  });

  it('online and counter placements racing together still stop at 10', async () => {
    const card = '100000002';
    const token = await library.patron(card);
    const titles = Array.from({ length: 16 }, (_, index) => `T-MIX-${index + 1}`);
    for (const titleId of titles) await library.titleOnLoan(titleId, 'central', LENDER);

    const answers = await Promise.all(
      titles.map((titleId, index) => (index % 2 === 0 ? library.placeHold(token, titleId, 'central') : library.counterHold(card, titleId, 'central', 'none'))),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 409 && answer.body.rule === 'R7')).toHaveLength(6);
    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.activeHolds).toBe(10);
  });
});
