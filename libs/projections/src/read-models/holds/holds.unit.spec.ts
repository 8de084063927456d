import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs, indexesOf } from '../../../test-support/fold';
import { holdsReadModel, type HoldDoc } from './holds.read-model';

const fold = (...domainEvents: Parameters<typeof recordAll>[0]) => foldDocs(holdsReadModel, recordAll(domainEvents));
const hold = (docs: Map<string, HoldDoc>, id = 'h1') => docs.get(id) as HoldDoc;
const lists = (docs: Map<string, HoldDoc>) => indexesOf(holdsReadModel, docs);

describe('holds read model: one document per hold', () => {
  const placed = e.holdPlaced('t1', 'h1', 'c1', 'main', 'phone');
  const ready = e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01', { contactMethod: 'phone', pickupOpenDays: 10 });

  it('a placed hold is waiting on the patron hold list (R22) and in the hold index', () => {
    const docs = fold(placed);
    expect(hold(docs)).toMatchObject({
      holdId: 'h1',
      titleId: 't1',
      cardNumber: 'c1',
      status: 'waiting',
      pickupLocationId: 'main',
      contactMethod: 'phone',
      copyId: null,
    });
    expect(hold(docs).placedAt).toMatch(/^2026-04-01T/);
    expect(lists(docs)).toEqual({ 'patron:c1': ['h1'] });
  });

  it('a hold in transit stays on the patron hold list with its copy', () => {
    const docs = fold(placed, e.holdInTransit('t1', 'h1', 'c1', 'copy1', 'branch', 'main'));
    expect(hold(docs)).toMatchObject({ status: 'in-transit', copyId: 'copy1' });
    expect(lists(docs)).toEqual({ 'patron:c1': ['h1'] });
  });

  it('a ready hold keeps its pickup-window inputs, is on the hold shelf, the sweep list and the call list (R23, R14)', () => {
    const docs = fold(placed, ready);
    expect(hold(docs)).toMatchObject({ status: 'ready', copyId: 'copy1', noticeDay: '2026-04-01', pickupOpenDays: 10, contactAttempts: 0, contacted: false });
    expect(lists(docs)).toEqual({ 'patron:c1': ['h1'], ready: ['h1'], 'shelf:main': ['h1'], 'call:main': ['h1'] });
  });

  it('an e-mail or no-contact ready hold is not on the call list', () => {
    for (const contactMethod of ['email', 'none'] as const) {
      const docs = fold(placed, e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01', { contactMethod }));
      expect(lists(docs)['call:main']).toBeUndefined();
    }
  });

  it.each(['ring-only', 'voicemail'] as const)('a %s ready hold is on the call list (R14)', (contactMethod) => {
    const docs = fold(placed, e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01', { contactMethod }));
    expect(lists(docs)['call:main']).toEqual(['h1']);
  });

  it('no answer keeps the hold on the call list and counts the attempt; a call or message takes it off', () => {
    const noAnswer = fold(placed, ready, e.patronContacted('t1', 'h1', 'c1', 'no-answer'));
    expect(hold(noAnswer)).toMatchObject({ contactAttempts: 1, contacted: false });
    expect(lists(noAnswer)['call:main']).toEqual(['h1']);

    for (const outcome of ['called', 'left-message'] as const) {
      const reached = fold(placed, ready, e.patronContacted('t1', 'h1', 'c1', 'no-answer'), e.patronContacted('t1', 'h1', 'c1', outcome));
      expect(hold(reached)).toMatchObject({ contactAttempts: 2, contacted: true });
      expect(lists(reached)['call:main']).toBeUndefined();
      expect(lists(reached)['shelf:main']).toEqual(['h1']);
    }
  });

  it('an expired hold leaves the patron lists, the sweep list and the shelf, keeping its copy (R18)', () => {
    const expired = fold(placed, ready, e.pickupExpired('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-13', '2026-04-14'));
    expect(hold(expired)).toMatchObject({ status: 'expired', copyId: 'copy1', endedAt: expect.stringMatching(/^2026-04-01T/) });
    expect(lists(expired)).toEqual({});
  });

  it('a ready hold cancelled by staff leaves every list (R19, R20)', () => {
    const docs = fold(placed, ready, e.holdCancelled('t1', 'h1', 'c1', 'ready', 'copy1', 'staff'));
    expect(hold(docs)).toMatchObject({ status: 'cancelled', copyId: 'copy1' });
    expect(lists(docs)).toEqual({});
  });

  it('a hold cancelled while waiting or in transit leaves the patron lists and stays in the hold index', () => {
    const waiting = fold(placed, e.holdCancelled('t1', 'h1', 'c1', 'waiting'));
    expect(hold(waiting)).toMatchObject({ status: 'cancelled', copyId: null });
    expect(lists(waiting)).toEqual({});

    const inTransit = fold(placed, e.holdInTransit('t1', 'h1', 'c1', 'copy1', 'branch', 'main'), e.holdCancelled('t1', 'h1', 'c1', 'in-transit', 'copy1'));
    expect(hold(inTransit)).toMatchObject({ status: 'cancelled', copyId: 'copy1' });
  });

  it('a fulfilled hold leaves every list', () => {
    const docs = fold(placed, ready, e.holdFulfilled('t1', 'h1', 'c1', 'copy1'));
    expect(hold(docs).status).toBe('fulfilled');
    expect(lists(docs)).toEqual({});
  });

  it('a hold made ready again after a staff re-notice starts a fresh call-list round', () => {
    const docs = fold(placed, ready, e.patronContacted('t1', 'h1', 'c1', 'called'), ready);
    expect(hold(docs)).toMatchObject({ contactAttempts: 0, contacted: false });
  });

  it('ignores the events that are not about holds', () => {
    const [registered] = recordAll([e.patronRegistered('c1')]);
    expect(holdsReadModel.keysOf(registered as never)).toEqual([]);
    expect(fold(e.titleCatalogued('t1'), e.copyAdded('t1', 'copy1', 'main')).size).toBe(0);
  });
});
