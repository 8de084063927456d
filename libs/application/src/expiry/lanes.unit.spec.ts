import { runInLanes } from './lanes';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runInLanes: one title at a time, titles side by side (I3, I4)', () => {
  it("runs one lane's items in the given order and never two of one lane at once", async () => {
    const items = [
      { lane: 'a', n: 1 },
      { lane: 'b', n: 2 },
      { lane: 'a', n: 3 },
      { lane: 'c', n: 4 },
      { lane: 'a', n: 5 },
    ];
    const running = new Set<string>();
    const done: number[] = [];
    let widest = 0;
    await runInLanes(
      items,
      (item) => item.lane,
      2,
      async (item) => {
        expect(running.has(item.lane)).toBe(false);
        running.add(item.lane);
        widest = Math.max(widest, running.size);
        await tick();
        running.delete(item.lane);
        done.push(item.n);
      },
    );
    expect(done.filter((n) => [1, 3, 5].includes(n))).toEqual([1, 3, 5]);
    expect(done).toHaveLength(5);
    expect(widest).toBe(2);
  });

  it('starts nothing new after an error, lets running items finish, then throws the first error', async () => {
    const started: string[] = [];
    const run = runInLanes(
      ['a', 'b', 'c', 'd'],
      (item) => item,
      2,
      async (item) => {
        started.push(item);
        await tick();
        if (item === 'a') throw new Error('store down');
      },
    );
    await expect(run).rejects.toThrow('store down');
    expect(started).toEqual(['a', 'b']);
  });

  it('stops taking items once keepGoing turns false', async () => {
    const done: string[] = [];
    await runInLanes(
      ['a', 'b', 'c'],
      (item) => item,
      1,
      async (item) => void done.push(item),
      () => done.length < 2,
    );
    expect(done).toEqual(['a', 'b']);
  });
});
