import type { NewEvent } from '../port';
import { decodeStoredEvent, encodeEventBody, encodeStoredEvent } from './stored-event';

const event: NewEvent = {
  id: '5b8f7e4e-8c1a-4a57-9a39-2f5cf0d0b7a1',
  type: 'HoldPlaced',
  data: { titleId: 't-1', note: 'quote " backslash \\ newline \n and 日本語', nested: [1, null, { ok: true }] },
  metadata: {
    correlationId: 'c-1',
    causationId: 'r-1',
    actor: { kind: 'patron', id: '2000123' },
    occurredAt: '2026-04-01T09:00:00.000Z',
    reason: 'asked at the desk',
  },
};

describe('stored event encoding', () => {
  it('decodes exactly what was encoded, with the store-assigned fields', () => {
    const stored = encodeStoredEvent('holds-"odd\\id"', 7, '2026-04-01T09:00:01.000Z', encodeEventBody(event));
    expect(decodeStoredEvent(42n, stored)).toEqual({
      ...event,
      streamId: 'holds-"odd\\id"',
      revision: 7,
      position: 42n,
      recordedAt: '2026-04-01T09:00:01.000Z',
    });
  });

  it('keeps only the event fields the port defines', () => {
    const withExtra = { ...event, streamId: 'not-this-one', revision: 99 } as NewEvent;
    const decoded = decodeStoredEvent(1n, encodeStoredEvent('holds-t-1', 0, '2026-04-01T09:00:01.000Z', encodeEventBody(withExtra)));
    expect(decoded.streamId).toBe('holds-t-1');
    expect(decoded.revision).toBe(0);
  });

  it('rejects a payload JSON cannot carry before anything is written', () => {
    expect(() => encodeEventBody({ ...event, data: { copies: 1n } })).toThrow(TypeError);
  });
});
