import { AdjustableClock, ProblemException } from '@libs/platform';
import { LoginGate, patronAccount, staffAccount } from './login';
import { InMemoryLoginThrottle } from './login-throttle';

const BUSY = new ProblemException({ type: '/problems/hashing-busy', title: 'Busy', status: 503 });

describe('the login gate: reserve, then verify', () => {
  const gateAt = (start = '2026-11-23T01:00:00Z') => new LoginGate(new AdjustableClock(start), new InMemoryLoginThrottle());
  const outcome = (attempt: Promise<unknown>) =>
    attempt.then(
      (matched) => (matched ? 'right' : 'wrong'),
      (error: unknown) => (error instanceof ProblemException ? error.problem.status : 'error'),
    );

  it('a check that could not run (hashing busy, store down) is taken back: it costs the pair nothing', async () => {
    const gate = gateAt();
    for (let i = 0; i < 10; i++)
      expect(
        await outcome(
          gate.attempt(patronAccount('100000001'), '203.0.113.1', () => {
            throw BUSY;
          }),
        ),
      ).toBe(503);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await outcome(gate.attempt(patronAccount('100000001'), '203.0.113.1', async () => false)));
    expect(answers).toEqual(['wrong', 'wrong', 'wrong']);
  });

  it('the check runs only once the attempt is counted: none runs for a refused attempt', async () => {
    const gate = gateAt();
    let checks = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        outcome(
          gate.attempt(staffAccount('admin'), '192.0.2.1', async () => {
            checks += 1;
            return false;
          }),
        ),
      ),
    );
    expect(checks).toBe(3);
    expect(answers.filter((answer) => answer === 429)).toHaveLength(17);
  });

  it('a right password takes its attempt back and forgets its pair; the account’s count from elsewhere stays', async () => {
    const gate = gateAt();
    for (let i = 0; i < 3; i++) await gate.attempt(patronAccount('100000002'), '203.0.113.2', async () => false);
    for (let i = 0; i < 3; i++) await gate.attempt(patronAccount('100000002'), '203.0.113.3', async () => false);
    expect(await outcome(gate.attempt(patronAccount('100000002'), '203.0.113.2', async () => false))).toBe(429);
    // From the third address: the account has 6 failures, below its delays; the right password works and clears only this pair.
    expect(await outcome(gate.attempt(patronAccount('100000002'), '203.0.113.4', async () => true))).toBe('right');
    expect(await outcome(gate.attempt(patronAccount('100000002'), '203.0.113.2', async () => false))).toBe(429);
  });
});
