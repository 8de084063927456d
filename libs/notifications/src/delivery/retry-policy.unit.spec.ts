import { defaultRetryPolicy, retryDelayMs } from './retry-policy';

describe('retry backoff', () => {
  const policy = { ...defaultRetryPolicy, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 };

  it('doubles the wait after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(failures, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads each wait by the jitter, never past the cap', () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(retryDelayMs(2, jittered, () => 0)).toBe(160);
    expect(retryDelayMs(2, jittered, () => 1)).toBe(240);
    expect(retryDelayMs(6, jittered, () => 1)).toBe(1000);
  });
});
