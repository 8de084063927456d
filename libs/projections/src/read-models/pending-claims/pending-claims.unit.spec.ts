import type { ProjectedEvent } from '../../projected-event';
import { pendingClaimsReadModel } from './pending-claims.read-model';

let position = 0n;
const recorded = (type: string, data: Record<string, unknown>, occurredAt = '2026-11-23T01:00:00.000Z') =>
  ({
    id: `e${position}`,
    type,
    data,
    streamId: 's',
    position: position++,
    recordedAt: occurredAt,
    metadata: { correlationId: 'c', causationId: 'c', actor: { kind: 'patron', id: '1' }, occurredAt },
  }) as unknown as ProjectedEvent;

const fold = (events: ProjectedEvent[]) => events.reduce(pendingClaimsReadModel.evolve, undefined as ReturnType<typeof pendingClaimsReadModel.evolve>);

describe('pending hold-slot claims (a hold placed in two appends)', () => {
  const claimed = recorded('HoldSlotClaimed', { cardNumber: '1', holdId: 'h1', titleId: 't1' });

  it('a claim without its hold is pending, with when it was made', () => {
    expect(fold([claimed])).toEqual({ holdId: 'h1', cardNumber: '1', titleId: 't1', claimedAt: '2026-11-23T01:00:00.000Z' });
    expect(pendingClaimsReadModel.keysOf(claimed)).toEqual(['h1']);
  });

  it('the placed hold or a release ends it', () => {
    expect(fold([claimed, recorded('HoldPlaced', { holdId: 'h1', titleId: 't1', cardNumber: '1' })])).toBeUndefined();
    expect(fold([claimed, recorded('HoldSlotReleased', { holdId: 'h1', titleId: 't1', cardNumber: '1' })])).toBeUndefined();
  });

  it('other events do not concern it', () => {
    expect(pendingClaimsReadModel.keysOf(recorded('CardRenewed', { cardNumber: '1', cardExpiresOn: '2030-01-01' }))).toEqual([]);
  });
});
