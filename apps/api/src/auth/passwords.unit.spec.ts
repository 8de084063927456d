import { ProblemException } from '@libs/platform';
import { PasswordHashing, type Argon2 } from './passwords';

/** An argon2 whose every call waits until the test finishes it, recording which hash each check was given. */
function heldArgon2() {
  const pending: { finish: () => void; hash: string | null }[] = [];
  const hold = <T>(value: T, hash: string | null) =>
    new Promise<T>((resolve) => {
      pending.push({ finish: () => resolve(value), hash });
    });
  const argon2: Argon2 = {
    hash: (password) => hold(`hashed:${password}`, null),
    verify: (passwordHash, password) => hold(passwordHash === `hashed:${password}`, passwordHash),
  };
  return { argon2, pending };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('password hashing is bounded (argon2 floods cannot take every thread)', () => {
  it('runs at most `concurrency` at once, queues `queue` more, and refuses the next with 503 hashing-busy and Retry-After', async () => {
    const { argon2, pending } = heldArgon2();
    const hashing = new PasswordHashing({ concurrency: 2, queue: 3 }, argon2);
    const accepted = Array.from({ length: 5 }, (_, i) => hashing.hash(`password-${i}`));
    await flush();
    expect(pending).toHaveLength(2);
    expect(hashing.stats()).toMatchObject({ running: 2, queued: 3 });

    const refused = await hashing.matches('hashed:x', 'x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).problem).toMatchObject({ type: '/problems/hashing-busy', status: 503 });
    expect((refused as ProblemException).headers).toEqual({ 'Retry-After': '1' });

    // As each finishes, the next in line starts: never more than two running.
    for (let finished = 0; finished < 5; finished++) {
      pending[finished].finish();
      await flush();
      expect(pending.length - (finished + 1)).toBeLessThanOrEqual(2);
    }
    expect(await Promise.all(accepted)).toEqual(['hashed:password-0', 'hashed:password-1', 'hashed:password-2', 'hashed:password-3', 'hashed:password-4']);
    expect(hashing.stats()).toEqual({ hashed: 5, checked: 0, refusedBusy: 1, running: 0, queued: 0 });
  });

  it('refuseWhenFull answers 503 at once only while nothing more could be queued', async () => {
    const { argon2, pending } = heldArgon2();
    const hashing = new PasswordHashing({ concurrency: 1, queue: 1 }, argon2);
    const running = hashing.hash('a');
    expect(() => hashing.refuseWhenFull()).not.toThrow();
    const queued = hashing.hash('b');
    expect(() => hashing.refuseWhenFull()).toThrow(ProblemException);
    pending[0].finish();
    await running;
    expect(() => hashing.refuseWhenFull()).not.toThrow();
    await flush();
    pending[1].finish();
    await queued;
    expect(hashing.stats().refusedBusy).toBe(1);
  });

  it('a slot freed by a failed hash goes to the next in line', async () => {
    const hashing = new PasswordHashing({ concurrency: 1, queue: 1 }, { hash: () => Promise.reject(new Error('out of memory')), verify: async () => true });
    const first = hashing.hash('a');
    const second = hashing.matches('hashed:b', 'b');
    await expect(first).rejects.toThrow('out of memory');
    await expect(second).resolves.toBe(true);
    expect(hashing.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('no stored hash (unknown account, card without a password) still costs one real check, against a dummy hash, and answers no', async () => {
    const { argon2, pending } = heldArgon2();
    const hashing = new PasswordHashing({ concurrency: 1, queue: 0 }, argon2);
    const answer = hashing.matches(null, 'anything');
    await flush();
    expect(pending).toHaveLength(1);
    expect(pending[0].hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    pending[0].finish();
    expect(await answer).toBe(false);
    expect(hashing.stats().checked).toBe(1);
  });

  it('a stored value argon2 cannot read is a wrong password, not an error', async () => {
    const hashing = new PasswordHashing({ concurrency: 1, queue: 0 }, { hash: async () => '', verify: () => Promise.reject(new Error('invalid PHC string')) });
    expect(await hashing.matches('not-a-phc-string', 'x')).toBe(false);
  });

  it('with the real argon2, a hash verifies its own password and no other', async () => {
    const hashing = new PasswordHashing();
    const stored = await hashing.hash('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashing.matches(stored, 'correct horse')).toBe(true);
    expect(await hashing.matches(stored, 'wrong horse')).toBe(false);
  });
});
