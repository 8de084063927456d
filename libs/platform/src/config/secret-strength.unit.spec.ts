import { randomBytes } from 'node:crypto';
import { ADMIN_PASSWORD_STRENGTH, estimatedEntropyBits, isPublishedValue, TOKEN_SECRET_STRENGTH, weakness } from './secret-strength';

describe('how hard a secret is to guess (issue 12: weak secrets are refused in production)', () => {
  it('scores repetition and runs near zero however long the value is', () => {
    expect(estimatedEntropyBits('')).toBe(0);
    expect(estimatedEntropyBits('x'.repeat(200))).toBe(0);
    expect(estimatedEntropyBits('0123456789'.repeat(4))).toBeLessThan(20);
    expect(estimatedEntropyBits('abcdefghijklmnopqrstuvwxyz')).toBeLessThan(10);
    expect(estimatedEntropyBits('ab'.repeat(100))).toBeLessThan(estimatedEntropyBits(randomBytes(6).toString('hex')));
  });

  it('scores a wider alphabet higher at the same length', () => {
    expect(estimatedEntropyBits('kq7HfY2vR9kL')).toBeGreaterThan(estimatedEntropyBits('kqshfyavrukl'));
  });

  it('passes what the documented commands generate, every time', () => {
    for (let i = 0; i < 500; i++) {
      expect(weakness(randomBytes(48).toString('base64'), TOKEN_SECRET_STRENGTH)).toBeNull();
      expect(weakness(randomBytes(32).toString('hex'), TOKEN_SECRET_STRENGTH)).toBeNull();
      expect(weakness(randomBytes(18).toString('base64'), ADMIN_PASSWORD_STRENGTH)).toBeNull();
    }
  });

  it('says why a value is weak, without the value', () => {
    expect(weakness('short', ADMIN_PASSWORD_STRENGTH)).toBe('it has 5 characters, at least 12 are needed');
    expect(weakness('0123456789'.repeat(4), TOKEN_SECRET_STRENGTH)).toMatch(
      /^it is too predictable: about \d+ bits estimated from its characters \(length, alphabet, repeats, runs\), at least 128 are needed$/,
    );
  });

  it('knows the values this repository published, whatever their case', () => {
    expect(isPublishedValue('development-only-token-secret-change-me!')).toBe(true);
    expect(isPublishedValue(' CHANGE-ME-NOW ')).toBe(true);
    expect(isPublishedValue(randomBytes(18).toString('base64'))).toBe(false);
  });
});
