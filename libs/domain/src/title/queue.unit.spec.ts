import type { TitleEvent } from '../events';
import { given } from '../test/given';
import { catalogued, checkedOut, checkInCommand, copyAdded, holdPlaced, MAIN, TITLE } from '../test/title-fixtures';
import { queuePosition, waitingQueue } from './queue';
import { titleDecider } from './title-decider';
import type { TitleState } from './title-state';

const cancelled = (holdId: string, cardNumber: string): TitleEvent => ({
  type: 'HoldCancelled',
  data: { titleId: TITLE, holdId, cardNumber, by: 'patron', reason: null, copyId: null, previousStatus: 'waiting' },
});

/** Checks each copy in, one after another, as the handler would: each decision sees the previous one's events. */
function checkInAll(history: TitleEvent[], copyIds: string[]): { events: TitleEvent[]; state: TitleState } {
  const all = [...history];
  for (const copyId of copyIds) all.push(...given(titleDecider, all).when(checkInCommand(copyId, MAIN, '2026-06-01')));
  return { events: all.slice(history.length), state: given(titleDecider, all).state };
}

describe('R16/R22: the hold queue', () => {
  const history = [catalogued(), copyAdded('c1'), checkedOut('c1', 'x'), holdPlaced('h1', 'p1'), holdPlaced('h2', 'p2'), holdPlaced('h3', 'p3')];

  it('R22: queue position is the place among waiting holds, first placed first', () => {
    const state = given(titleDecider, history).state;
    expect(waitingQueue(state).map((hold) => hold.holdId)).toEqual(['h1', 'h2', 'h3']);
    expect([queuePosition(state, 'h1'), queuePosition(state, 'h3')]).toEqual([1, 3]);
  });

  it('R22: a cancellation moves everyone behind it up; a hold that is not waiting has no position', () => {
    const state = given(titleDecider, [...history, cancelled('h1', 'p1')]).state;
    expect([queuePosition(state, 'h1'), queuePosition(state, 'h2'), queuePosition(state, 'h3')]).toEqual([null, 1, 2]);
    expect(queuePosition(state, 'unknown')).toBeNull();
  });

  it('I2: k copies returned for n waiting holds make exactly min(k, n) holds ready, each with its own copy, in queue order', () => {
    const copies = ['c1', 'c2', 'c3'];
    const threeOnLoan = [catalogued(), ...copies.flatMap((id) => [copyAdded(id), checkedOut(id, `reader-${id}`)])];
    const fiveWaiting = [1, 2, 3, 4, 5].map((i) => holdPlaced(`h${i}`, `p${i}`));
    const { state } = checkInAll([...threeOnLoan, ...fiveWaiting], copies);
    expect(['h1', 'h2', 'h3'].map((id) => [state.holds[id].status, state.holds[id].copyId])).toEqual([
      ['ready', 'c1'],
      ['ready', 'c2'],
      ['ready', 'c3'],
    ]);
    expect(waitingQueue(state).map((hold) => hold.holdId)).toEqual(['h4', 'h5']);

    const twoWaiting = fiveWaiting.slice(0, 2);
    const fewer = checkInAll([...threeOnLoan, ...twoWaiting], copies);
    expect(fewer.events.filter((event) => event.type === 'HoldReady')).toHaveLength(2);
    expect(fewer.state.copies.c3).toMatchObject({ status: 'on-shelf', holdId: undefined });
  });
});
