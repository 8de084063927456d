import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs, indexesOf } from '../../../test-support/fold';
import { loansReadModel } from './loans.read-model';

describe('loans read model (R21)', () => {
  it('a checkout is a loan on the patron loan list; the return ends it', () => {
    const out = foldDocs(loansReadModel, recordAll([e.copyCheckedOut('t1', 'copy1', 'c1', 'main', '2026-04-15')]));
    expect(out.get('copy1')).toMatchObject({ copyId: 'copy1', titleId: 't1', cardNumber: 'c1', dueOn: '2026-04-15', holdId: null });
    expect(indexesOf(loansReadModel, out)).toEqual({ 'patron:c1': ['copy1'] });

    const back = foldDocs(
      loansReadModel,
      recordAll([e.copyCheckedOut('t1', 'copy1', 'c1', 'main', '2026-04-15'), e.copyReturned('t1', 'copy1', 'c1', 'main')]),
    );
    expect(back.size).toBe(0);
  });

  it('a return without a card number still ends the loan of that copy', () => {
    const back = foldDocs(
      loansReadModel,
      recordAll([e.copyCheckedOut('t1', 'copy1', 'c1', 'main', '2026-04-15'), e.copyReturned('t1', 'copy1', null, 'branch')]),
    );
    expect(back.size).toBe(0);
  });
});
