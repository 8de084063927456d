import fc from 'fast-check';
import { AlreadyHoldingTitle, DomainRuleViolation, HoldIdTaken, HoldLimitReached } from '../errors';
import type { PatronEvent } from '../events';
import { policyPresets } from '../policy/presets';
import { given, violationOf } from '../test/given';
import { CARD, claimCommand, onlinePatron, slotClaimed } from '../test/patron-fixtures';
import { patronDecider } from './patron-decider';
import { activeHoldCount } from './patron-state';

const tenHolds = Array.from({ length: 10 }, (_, i) => slotClaimed(`h${i}`, `t${i}`));
const released = (holdId: string, titleId: string): PatronEvent => ({ type: 'HoldSlotReleased', data: { cardNumber: CARD, holdId, titleId } });

describe.each(Object.entries(policyPresets))('the hold-slot ledger, %s', (_id, policy) => {
  it('R7: an 11th hold is refused with HoldLimitReached', () => {
    const error = violationOf(() => given(patronDecider, [...onlinePatron, ...tenHolds]).when(claimCommand('h10', 't10', policy)));
    expect(error).toBeInstanceOf(HoldLimitReached);
    expect(error).toMatchObject({ code: 'hold-limit-reached', rule: 'R7', kind: 'conflict', details: { cardNumber: CARD, limit: 10 } });
  });

  it('R7: holds placed at the counter count too, and the limit applies to counter holds', () => {
    const nineOnlineOneCounter = [...onlinePatron, ...tenHolds];
    expect(() => given(patronDecider, nineOnlineOneCounter).when(claimCommand('h10', 't10', policy, { via: 'counter' }))).toThrow(HoldLimitReached);
  });

  it('R7: the 10th hold is accepted, and a released slot can be claimed again', () => {
    expect(given(patronDecider, [...onlinePatron, ...tenHolds.slice(0, 9)]).when(claimCommand('h9', 't9', policy))).toEqual([slotClaimed('h9', 't9')]);
    const afterRelease = [...onlinePatron, ...tenHolds, released('h3', 't3')];
    expect(given(patronDecider, afterRelease).when(claimCommand('h10', 't10', policy))).toEqual([slotClaimed('h10', 't10')]);
  });

  it('R12: a second hold on the same title is refused with AlreadyHoldingTitle', () => {
    const error = violationOf(() => given(patronDecider, [...onlinePatron, slotClaimed('h1', 't1')]).when(claimCommand('h2', 't1', policy)));
    expect(error).toBeInstanceOf(AlreadyHoldingTitle);
    expect(error).toMatchObject({ rule: 'R12', details: { titleId: 't1', holdId: 'h1' } });
  });

  it('a retried claim with the same hold id decides nothing; the same id for another title is refused', () => {
    const history = [...onlinePatron, slotClaimed('h1', 't1')];
    expect(given(patronDecider, history).when(claimCommand('h1', 't1', policy))).toEqual([]);
    expect(() => given(patronDecider, history).when(claimCommand('h1', 't2', policy))).toThrow(HoldIdTaken);
  });
});

describe('releasing hold slots', () => {
  it('frees the slot of a hold that ended', () => {
    const history = [...onlinePatron, slotClaimed('h1', 't1')];
    expect(given(patronDecider, history).when({ type: 'ReleaseHoldSlot', cardNumber: CARD, holdId: 'h1' })).toEqual([released('h1', 't1')]);
    expect(given(patronDecider, [...history, released('h1', 't1')]).state.activeHolds).toEqual({});
  });

  it('releasing twice (a reaction run twice) or a slot never claimed decides nothing', () => {
    const history = [...onlinePatron, slotClaimed('h1', 't1'), released('h1', 't1')];
    expect(given(patronDecider, history).when({ type: 'ReleaseHoldSlot', cardNumber: CARD, holdId: 'h1' })).toEqual([]);
    expect(given(patronDecider, []).when({ type: 'ReleaseHoldSlot', cardNumber: CARD, holdId: 'h9' })).toEqual([]);
  });
});

describe('I1 property: a patron never has more active holds than the limit', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('claim' as const), hold: fc.integer({ min: 0, max: 30 }), title: fc.integer({ min: 0, max: 15 }), counter: fc.boolean() }),
    fc.record({ kind: fc.constant('release' as const), hold: fc.integer({ min: 0, max: 30 }) }),
  );

  it.each(Object.entries(policyPresets))(
    '%s: claims and releases in any order keep the count within the limit, refusing exactly the over-limit claims',
    (_id, policy) => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }), fc.integer({ min: 1, max: 12 }), (steps, limit) => {
          const limited = { ...policy, holdLimit: limit };
          const history: PatronEvent[] = [...onlinePatron];
          for (const s of steps) {
            const state = given(patronDecider, history).state;
            const command =
              s.kind === 'claim'
                ? claimCommand(`h${s.hold}`, `t${s.title}`, limited, { via: s.counter ? 'counter' : 'online' })
                : ({ type: 'ReleaseHoldSlot', cardNumber: CARD, holdId: `h${s.hold}` } as const);
            try {
              history.push(...patronDecider.decide(command, state));
            } catch (error) {
              expect(error).toBeInstanceOf(DomainRuleViolation);
              // Refused only at the limit, or for holding the title already (R12) or reusing a hold id.
              if (error instanceof HoldLimitReached) expect(activeHoldCount(state)).toBe(limit);
              else expect(error instanceof AlreadyHoldingTitle || error instanceof HoldIdTaken).toBe(true);
            }
            expect(activeHoldCount(given(patronDecider, history).state)).toBeLessThanOrEqual(limit);
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});
