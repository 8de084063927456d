import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs, indexesOf } from '../../../test-support/fold';
import { holdShelfCopiesReadModel, type HoldShelfCopyDoc } from './hold-shelf-copies.read-model';

const fold = (...domainEvents: Parameters<typeof recordAll>[0]) => foldDocs(holdShelfCopiesReadModel, recordAll(domainEvents));
const lists = (docs: Map<string, HoldShelfCopyDoc>) => indexesOf(holdShelfCopiesReadModel, docs);

describe('hold-shelf copies read model: one document per copy on a hold shelf (I4)', () => {
  const ready = e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01');
  const expired = e.pickupExpired('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-11', '2026-04-12');

  it('a copy set aside for a ready hold is on the shelf, not on the clearance list', () => {
    const docs = fold(ready);
    expect(docs.get('copy1')).toEqual({ copyId: 'copy1', titleId: 't1', locationId: 'main', holdId: 'h1', clearance: null });
    expect(lists(docs)).toEqual({});
  });

  it('an expired hold leaves its copy on the clearance list until staff clear it (R18)', () => {
    const docs = fold(ready, expired);
    expect(docs.get('copy1')).toMatchObject({ holdId: 'h1', clearance: { reason: 'expired', endedAt: expect.stringMatching(/^2026-04-01T/) } });
    expect(lists(docs)).toEqual({ 'clearance:main': ['copy1'] });
    expect(fold(ready, expired, e.holdShelfCleared('t1', 'copy1', 'h1', 'main')).size).toBe(0);
  });

  it('a ready hold cancelled by staff leaves its copy on the clearance list (R20); a waiting or in-transit one does not', () => {
    expect(lists(fold(ready, e.holdCancelled('t1', 'h1', 'c1', 'ready', 'copy1', 'staff')))).toEqual({ 'clearance:main': ['copy1'] });
    expect(lists(fold(e.holdInTransit('t1', 'h1', 'c1', 'copy1', 'east', 'main'), e.holdCancelled('t1', 'h1', 'c1', 'in-transit', 'copy1')))).toEqual({});
    expect(fold(e.holdCancelled('t1', 'h1', 'c1', 'waiting')).size).toBe(0);
  });

  it('a copy handed to the next hold in the same append as the expiry or cancellation needs no clearance (I4)', () => {
    const handedOn = fold(ready, expired, e.holdReady('t1', 'h2', 'c2', 'copy1', 'main', '2026-04-12'));
    expect(handedOn.get('copy1')).toEqual({ copyId: 'copy1', titleId: 't1', locationId: 'main', holdId: 'h2', clearance: null });
    expect(lists(handedOn)).toEqual({});

    const cancelled = fold(ready, e.holdCancelled('t1', 'h1', 'c1', 'ready', 'copy1', 'staff'), e.holdReady('t1', 'h2', 'c2', 'copy1', 'main', '2026-04-03'));
    expect(lists(cancelled)).toEqual({});
  });

  it('a copy sent on to a hold at another location leaves this hold shelf (I4)', () => {
    expect(fold(ready, expired, e.holdInTransit('t1', 'h2', 'c2', 'copy1', 'main', 'east')).size).toBe(0);
  });

  it('a copy collected, lent or scanned back to the open shelf leaves the hold shelf', () => {
    expect(fold(ready, e.holdFulfilled('t1', 'h1', 'c1', 'copy1')).size).toBe(0);
    expect(fold(ready, expired, e.copyCheckedOut('t1', 'copy1', 'c9', 'main', '2026-04-26')).size).toBe(0);
    expect(fold(ready, expired, e.copyReturned('t1', 'copy1', null, 'east')).size).toBe(0);
  });

  it('a cancellation of another hold does not touch the copy', () => {
    const docs = fold(ready, e.holdCancelled('t1', 'h9', 'c9', 'ready', 'copy1', 'staff'));
    expect(docs.get('copy1')).toMatchObject({ holdId: 'h1', clearance: null });
  });
});
