import { mailDomainOf, messageIdFor } from './message-id';
import { safeFileName } from './safe-file-name';

describe('message ids and outbox file names', () => {
  it('derives the Message-ID from the cause, so a re-send carries the same one', () => {
    const id = '5f0c7a52-8d0e-4a55-9a3b-6f0e2b1c9d10';
    expect(messageIdFor('hold-ready', id, 'lib.example.jp')).toBe(`<hold-ready.${id}@lib.example.jp>`);
    expect(messageIdFor('hold-ready', id, 'lib.example.jp')).toBe(messageIdFor('hold-ready', id, 'lib.example.jp'));
    expect(messageIdFor('hold-placed', id, 'lib.example.jp')).not.toBe(messageIdFor('hold-ready', id, 'lib.example.jp'));
  });

  it('hashes a causation id that is not a valid msg-id part', () => {
    expect(messageIdFor('overdue-reminder', 'overdue:2026-12-05:123', 'x.jp')).toMatch(/^<overdue-reminder\.[0-9a-f]{32}@x\.jp>$/);
  });

  it('finds the domain of a sender address', () => {
    expect(mailDomainOf('library@example.invalid')).toBe('example.invalid');
    expect(mailDomainOf('"八戸市立図書館" <info@lib.hachinohe.example>')).toBe('lib.hachinohe.example');
    expect(() => mailDomainOf('nobody')).toThrow('no domain');
  });

  it('keeps plain names as they are, and never maps two names to one file', () => {
    expect(safeFileName('hold-ready.abc@x.jp')).toBe('hold-ready.abc@x.jp');
    expect(safeFileName('a:b')).not.toBe(safeFileName('a_b'));
    expect(safeFileName('../etc/passwd')).not.toContain('/');
    expect(safeFileName('..')).not.toBe('..');
  });
});
