import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs, indexesOf } from '../../../test-support/fold';
import { titlesReadModel, type TitleDoc } from './titles.read-model';

const fold = (...domainEvents: Parameters<typeof recordAll>[0]) => foldDocs(titlesReadModel, recordAll(domainEvents));
const title = (docs: Map<string, TitleDoc>, id = 't1') => docs.get(id) as TitleDoc;
const copy = (docs: Map<string, TitleDoc>, copyId: string) => title(docs).copies.find((c) => c.copyId === copyId);

describe('titles read model: catalogue data, copies and the waiting queue', () => {
  const catalogued = [e.titleCatalogued('t1', 'Kokoro'), e.copyAdded('t1', 'copy1', 'main'), e.copyAdded('t1', 'copy2', 'branch')];

  it('keeps name, material type and each copy with its status and location', () => {
    const docs = fold(...catalogued);
    expect(title(docs)).toMatchObject({ titleId: 't1', name: 'Kokoro', materialType: 'book', waiting: [] });
    expect(title(docs).copies).toEqual([
      { copyId: 'copy1', locationId: 'main', loanable: true, status: 'available', holdId: null, dueOn: null },
      { copyId: 'copy2', locationId: 'branch', loanable: true, status: 'available', holdId: null, dueOn: null },
    ]);
  });

  it('queues waiting holds in placement order and drops cancelled ones (R16, R22)', () => {
    const docs = fold(
      ...catalogued,
      e.holdPlaced('t1', 'h1', 'c1', 'main'),
      e.holdPlaced('t1', 'h2', 'c2', 'main'),
      e.holdPlaced('t1', 'h3', 'c3', 'main'),
      e.holdCancelled('t1', 'h1', 'c1', 'waiting'),
    );
    expect(title(docs).waiting).toEqual(['h2', 'h3']);
  });

  it('a copy made ready for a hold goes to the hold shelf and the hold leaves the queue', () => {
    const docs = fold(
      ...catalogued,
      e.holdPlaced('t1', 'h1', 'c1', 'main'),
      e.holdPlaced('t1', 'h2', 'c2', 'main'),
      e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01'),
    );
    expect(title(docs).waiting).toEqual(['h2']);
    expect(copy(docs, 'copy1')).toMatchObject({ status: 'on-hold-shelf', locationId: 'main', holdId: 'h1' });
  });

  it('a copy sent to another pickup location is in transit to it', () => {
    const docs = fold(...catalogued, e.holdPlaced('t1', 'h1', 'c1', 'main'), e.holdInTransit('t1', 'h1', 'c1', 'copy2', 'branch', 'main'));
    expect(title(docs).waiting).toEqual([]);
    expect(copy(docs, 'copy2')).toMatchObject({ status: 'in-transit', locationId: 'main', holdId: 'h1' });
  });

  it("an expired hold's copy awaits clearance, then is back on the open shelf where it was cleared (I4)", () => {
    const expired = [
      ...catalogued,
      e.holdPlaced('t1', 'h1', 'c1', 'main'),
      e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01'),
      e.pickupExpired('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-13', '2026-04-14'),
    ];
    expect(copy(fold(...expired), 'copy1')).toMatchObject({ status: 'awaiting-clearance', holdId: null });
    expect(copy(fold(...expired, e.holdShelfCleared('t1', 'copy1', 'h1', 'main')), 'copy1')).toMatchObject({ status: 'available', locationId: 'main' });
  });

  it("an expired hold's copy handed straight to the next hold stays with that hold when the shelf is cleared", () => {
    const docs = fold(
      ...catalogued,
      e.holdPlaced('t1', 'h1', 'c1', 'main'),
      e.holdPlaced('t1', 'h2', 'c2', 'main'),
      e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01'),
      e.pickupExpired('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-13', '2026-04-14'),
      e.holdReady('t1', 'h2', 'c2', 'copy1', 'main', '2026-04-14'),
      e.holdShelfCleared('t1', 'copy1', 'h1', 'main'),
    );
    expect(copy(docs, 'copy1')).toMatchObject({ status: 'on-hold-shelf', holdId: 'h2' });
  });

  it('checkout and fulfilment put the copy on loan in either order; a return puts it on the shelf where it came back', () => {
    const before = [...catalogued, e.holdPlaced('t1', 'h1', 'c1', 'main'), e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01')];
    const checkout = e.copyCheckedOut('t1', 'copy1', 'c1', 'main', '2026-04-15', 'h1');
    const fulfilled = e.holdFulfilled('t1', 'h1', 'c1', 'copy1');
    const onLoan = { status: 'on-loan', holdId: null, dueOn: '2026-04-15' };
    expect(copy(fold(...before, fulfilled, checkout), 'copy1')).toMatchObject(onLoan);
    expect(copy(fold(...before, checkout, fulfilled), 'copy1')).toMatchObject(onLoan);
    expect(copy(fold(...before, checkout, fulfilled, e.copyReturned('t1', 'copy1', 'c1', 'branch')), 'copy1')).toMatchObject({
      status: 'available',
      locationId: 'branch',
      dueOn: null,
    });
  });

  it('is on the pull list of each location with a loanable copy on the open shelf while holds wait (R8)', () => {
    const lists = (docs: Map<string, TitleDoc>) => indexesOf(titlesReadModel, docs);
    expect(lists(fold(...catalogued))).toEqual({});
    const waiting = [...catalogued, e.holdPlaced('t1', 'h1', 'c1', 'main')];
    expect(lists(fold(...waiting))).toEqual({ 'pull:main': ['t1'], 'pull:branch': ['t1'] });
    expect(lists(fold(...waiting, e.copyCheckedOut('t1', 'copy2', 'c9', 'branch', '2026-04-15')))).toEqual({ 'pull:main': ['t1'] });
    expect(lists(fold(...waiting, e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01')))).toEqual({});
    expect(lists(fold(e.titleCatalogued('t2'), e.copyAdded('t2', 'ref1', 'main', false), e.holdPlaced('t2', 'h9', 'c1', 'main')))).toEqual({});
  });
});
