import { keyToPosition, positionToKey } from './position-key';

describe('position keys', () => {
  it('round-trip any position, also past 32 and 53 bits', () => {
    for (const position of [0n, 1n, 255n, 256n, 2n ** 32n + 7n, 2n ** 53n + 1n, 2n ** 64n - 1n]) {
      expect(keyToPosition(positionToKey(position))).toBe(position);
    }
  });

  it('sort byte-wise in numeric order, which is the order lmdb keeps', () => {
    const positions = [2n ** 40n, 0n, 256n, 255n, 1n, 2n ** 32n, 65_536n];
    const byKey = [...positions].sort((a, b) => Buffer.compare(positionToKey(a), positionToKey(b)));
    const numeric = [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byKey).toEqual(numeric);
  });
});
