import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { DomainRuleViolation } from '../errors';
import type { TitleEvent } from '../events';
import { calendarWith } from '../test/calendar-fixtures';
import { given } from '../test/given';
import { BRANCH, bothPresets, catalogued, copyAdded, MAIN, placeHoldCommand, TITLE } from '../test/title-fixtures';
import { isLive, type TitleState } from './title-state';
import type { TitleCommand } from './title-commands';
import { waitingQueue } from './queue';
import { titleDecider } from './title-decider';

const LOCATIONS = [MAIN, BRANCH];
const calendars = { [MAIN]: calendarWith({ weeklyClosedDays: [1] }), [BRANCH]: calendarWith({ closedOnNationalHolidays: true }) };

type Step =
  | { kind: 'place'; patron: number; location: number; counter: boolean }
  | { kind: 'check-in'; copy: number; location: number }
  | { kind: 'check-out'; copy: number; patron: number }
  | { kind: 'cancel'; hold: number; staff: boolean }
  | { kind: 'expire'; hold: number }
  | { kind: 'clear'; copy: number }
  | { kind: 'next-day'; days: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('place' as const), patron: fc.nat(5), location: fc.nat(1), counter: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check-in' as const), copy: fc.nat(2), location: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('check-out' as const), copy: fc.nat(2), patron: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), hold: fc.nat(99), staff: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('expire' as const), hold: fc.nat(99) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), copy: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('next-day' as const), days: fc.integer({ min: 1, max: 15 }) }) },
);

/** I2: a copy serves at most one live hold, a hold at most one copy, and the two sides agree. */
function expectOneCopyPerHold(state: TitleState) {
  const holds = Object.values(state.holds);
  for (const hold of holds) {
    if (hold.status === 'waiting') continue;
    if (hold.status === 'in-transit' || hold.status === 'ready') {
      expect(hold.copyId).not.toBeNull();
      expect(state.copies[hold.copyId as string].holdId).toBe(hold.holdId);
    }
  }
  const served = holds.filter((hold) => hold.status === 'in-transit' || hold.status === 'ready').map((hold) => hold.copyId);
  expect(new Set(served).size).toBe(served.length);
  for (const copy of Object.values(state.copies)) {
    if (copy.holdId === undefined) continue;
    const hold = state.holds[copy.holdId];
    expect(isLive(hold) && hold.status !== 'waiting' && hold.copyId === copy.copyId).toBe(true);
    expect(copy.copyId in state.awaitingClearance).toBe(false);
  }
}

describe.each(bothPresets)('I2 and R16 over random interleavings on one title, %s', (_id, policy) => {
  it('no copy serves two live holds, no hold has two copies, and copies go to waiting holds in placement order', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 20, maxLength: 80, size: 'max' }), (steps) => {
        const history: TitleEvent[] = [catalogued(), copyAdded('c0', MAIN), copyAdded('c1', BRANCH), copyAdded('c2', MAIN, false)];
        let today = '2026-06-01';
        let holdsTried = 0;
        for (const step of steps) {
          if (step.kind === 'next-day') {
            today = addDays(today, step.days);
            continue;
          }
          const before = given(titleDecider, history).state;
          const command = toCommand(step, today, holdsTried, before);
          if (step.kind === 'place') holdsTried += 1;
          let events: TitleEvent[];
          try {
            events = titleDecider.decide(command, before);
          } catch (error) {
            // Refusals are fine; anything else (a TypeError, a loop guard) is a bug.
            expect(error).toBeInstanceOf(DomainRuleViolation);
            continue;
          }
          history.push(...events);
          const after = given(titleDecider, history).state;
          expectOneCopyPerHold(after);

          // R16: holds leaving the queue by getting a copy are the head of the queue, in order.
          const queue = waitingQueue(before).map((hold) => hold.holdId);
          const served = events
            .filter((event) => event.type === 'HoldReady' || event.type === 'HoldInTransit')
            .map((event) => (event.data as { holdId: string }).holdId)
            .filter((holdId) => before.holds[holdId]?.status === 'waiting');
          expect(served).toEqual(queue.slice(0, served.length));
        }
      }),
      { numRuns: 300 },
    );
  });

  function toCommand(step: Exclude<Step, { kind: 'next-day' }>, today: string, holdsTried: number, state: TitleState): TitleCommand {
    const context = { titleId: TITLE, today, policy, calendars };
    // Cancel picks one of the holds placed so far (any status), expire one of the ready ones, so most hit a real hold.
    const pick = (holdIds: string[], index: number) => (holdIds.length === 0 ? 'none' : holdIds[index % holdIds.length]);
    const holdId = (index: number) => pick(Object.keys(state.holds), index);
    const readyHoldId = (index: number) =>
      pick(
        Object.values(state.holds)
          .filter((hold) => hold.status === 'ready')
          .map((hold) => hold.holdId),
        index,
      );
    switch (step.kind) {
      case 'place':
        return placeHoldCommand(`h${holdsTried}`, `p${step.patron}`, policy, {
          pickupLocationId: LOCATIONS[step.location],
          via: step.counter ? 'counter' : 'online',
        });
      case 'check-in':
        return { type: 'CheckIn', ...context, copyId: `c${step.copy}`, locationId: LOCATIONS[step.location] };
      case 'check-out':
        return { type: 'CheckOut', titleId: TITLE, copyId: `c${step.copy}`, cardNumber: `p${step.patron}`, today, policy };
      case 'cancel':
        return step.staff
          ? { type: 'CancelHold', ...context, holdId: holdId(step.hold), by: 'staff', cardNumber: null, reason: 'requested' }
          : {
              type: 'CancelHold',
              ...context,
              holdId: holdId(step.hold),
              by: 'patron',
              cardNumber: state.holds[holdId(step.hold)]?.cardNumber ?? 'p0',
              reason: null,
            };
      case 'expire':
        return { type: 'ExpirePickup', ...context, holdId: readyHoldId(step.hold) };
      case 'clear':
        return { type: 'ClearHoldShelf', titleId: TITLE, copyId: `c${step.copy}` };
      default: {
        const _exhaustive: never = step;
        return _exhaustive;
      }
    }
  }
});
