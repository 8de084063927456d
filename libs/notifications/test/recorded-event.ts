import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';

let position = 0n;

/** A domain event as the store would hand it to a subscriber. */
export function recorded<E extends DomainEvent>(event: E, streamId = 'title-T1'): RecordedEvent<E['type'], E['data']> {
  position += 1n;
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'system', id: 'test' },
      occurredAt: '2026-11-23T01:00:00.000Z',
    },
    streamId,
    revision: 0,
    position,
    recordedAt: '2026-11-23T01:00:00.000Z',
  };
}
