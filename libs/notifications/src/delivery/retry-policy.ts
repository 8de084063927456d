/** How often and how patiently a mail is retried before it is marked failed. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Wait after the first failed attempt. */
  initialDelayMs: number;
  /** Each further wait is this many times the previous one… */
  multiplier: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Spread of each wait, 0…1: 0.2 waits between 80% and 120%, so workers retrying after an outage do not knock together. */
  jitter: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 1_000,
  multiplier: 2,
  maxDelayMs: 60_000,
  jitter: 0.2,
};

/** The wait after the `failedAttempts`-th failure (1 for the first): exponential, capped, jittered. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, failedAttempts - 1));
  const spread = exponential * policy.jitter;
  return Math.round(Math.min(policy.maxDelayMs, exponential - spread + 2 * spread * random()));
}
