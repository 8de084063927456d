import { hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { ProblemException, problemType } from '@libs/platform';

/** Argon2id, a memory-hard KDF: the stored value is a PHC string with its own salt and parameters. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Checked when there is no stored hash (unknown card or staff id, a card without a password yet), so that a check
 * costs the same whatever the account: timing reveals nothing. Same parameters as ARGON2.
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$/Nc9VQOc6In6vgfw6Me3SQ$CcUkos5YCwhIikAOo4+tlxuSi31CU2VVDzW8esRK1M4';

export interface HashingLimits {
  /** Hashes and checks running at once (each holds a libuv thread and ~19 MiB for ~15 ms). */
  concurrency: number;
  /** Waiting for a slot beyond those running; one more is refused with 503 hashing-busy. */
  queue: number;
}

/**
 * Two to four at once (one per core, at most the four threads of libuv's pool, leaving room for file and DNS work),
 * and a queue short enough that a waiting login is answered within a few checks' time.
 */
export const DEFAULT_HASHING_LIMITS: HashingLimits = { concurrency: Math.min(4, Math.max(2, availableParallelism())), queue: 8 };

export interface Argon2 {
  hash(password: string, options: typeof ARGON2): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

const hashingBusy = () =>
  new ProblemException(
    {
      type: problemType('hashing-busy'),
      title: 'Busy',
      status: 503,
      detail: 'Too many password checks are in progress; nothing was checked or changed. Try again in a moment.',
    },
    { 'Retry-After': '1' },
  );

/**
 * Every password hash and check of the api goes through here, a few at a time: an unbounded flood of argon2 work
 * would take every thread of libuv's pool (which the event store and health checks need too) and make every answer
 * slow. Beyond the running ones and a short queue a request is refused at once (503 `hashing-busy`, Retry-After).
 */
export class PasswordHashing {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly counts = { hashed: 0, checked: 0, refusedBusy: 0 };

  constructor(
    readonly limits: HashingLimits = DEFAULT_HASHING_LIMITS,
    private readonly argon2: Argon2 = { hash, verify },
  ) {}

  hash(password: string): Promise<string> {
    return this.bounded(() => {
      this.counts.hashed += 1;
      return this.argon2.hash(password, ARGON2);
    });
  }

  /** Whether the password is the one hashed; with no stored hash a dummy one is checked and the answer is no. */
  async matches(passwordHash: string | null, password: string): Promise<boolean> {
    const matched = await this.bounded(() => {
      this.counts.checked += 1;
      return this.argon2.verify(passwordHash ?? DUMMY_HASH, password).catch(() => false);
    });
    return matched && passwordHash !== null;
  }

  /**
   * Refuses at once (503 `hashing-busy`) when a hash could not even be queued now, so that a flood's surplus costs no
   * store read or throttle round trip before it is refused. Callers still go through `hash`/`matches`, which decide.
   */
  refuseWhenFull(): void {
    if (this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue) this.refuse();
  }

  /** Hashes computed and passwords checked since start, and requests refused as busy (for /metrics and tests). */
  stats() {
    return { ...this.counts, running: this.running, queued: this.waiting.length };
  }

  private refuse(): never {
    this.counts.refusedBusy += 1;
    throw hashingBusy();
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrency) this.running += 1;
    else if (this.waiting.length < this.limits.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.refuse();
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so nobody overtakes the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
