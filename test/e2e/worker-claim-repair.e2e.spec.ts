import { streamIds } from '@libs/domain';
import { toNewEvent } from '@libs/platform';
import { ClaimRepair } from '../../libs/application/src/hold-slots/claim-repair';
import { bearer, eventStoreOf, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** A process killed between the two appends of a placement must not cost the patron a hold slot for ever (R7, I6). */
describe('claim repair: a slot claimed for a hold that was never placed is released', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T01:00:00Z' });
    library = await LibraryFixture.create(app);
    await library.location('central');
  });
  afterAll(() => app.close());

  const activeHolds = async (card: string) => (await app.http().get(`/staff/patrons/${card}`).set(bearer(library.staff)).expect(200)).body.activeHolds;

  /** What a process killed after its first append leaves behind: the claim, and no HoldPlaced. */
  async function abandonedClaim(card: string, holdId: string, titleId: string) {
    const claim = toNewEvent(
      { type: 'HoldSlotClaimed', data: { cardNumber: card, holdId, titleId } },
      { actor: { kind: 'patron', id: card }, now: app.clock.now() },
    );
    await eventStoreOf(app).append(streamIds.patron(card), [claim], 'exists');
  }

  it('R7: releases abandoned claims once they are old enough, keeps real holds and fresh claims', async () => {
    await library.registerOnly('300000009');
    await library.titleOnLoan('T-REAL', 'central', '300000009');
    await library.title('T-GONE');
    const patron = await library.patron('300000001');
    await app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-REAL', pickupLocationId: 'central', contactMethod: 'none' }).expect(201);
    await abandonedClaim('300000001', 'hold-never-placed', 'T-GONE');
    expect(await activeHolds('300000001')).toBe(2);

    const repair = app.app.get(ClaimRepair);
    expect((await repair.run()).released).toEqual([]);

    app.clock.set('2026-11-23T01:03:00Z');
    await library.relogin();
    await abandonedClaim('300000001', 'hold-claimed-just-now', 'T-GONE');
    const report = await repair.run();
    expect(report.released).toEqual([{ holdId: 'hold-never-placed', cardNumber: '300000001', titleId: 'T-GONE' }]);
    expect(await activeHolds('300000001')).toBe(2);

    const history = (await app.http().get('/staff/patrons/300000001/history').set(bearer(library.staff)).expect(200)).body.items;
    expect(history).toContainEqual(
      expect.objectContaining({ type: 'HoldSlotReleased', actor: { kind: 'system', id: 'claim-repair' }, reason: expect.stringContaining('never placed') }),
    );
    expect((await repair.run()).released).toEqual([]);
  });
});
