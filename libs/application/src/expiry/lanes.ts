/**
 * Runs `work` for every item, `width` lanes at a time. Items with the same lane key (one title's holds) run one
 * after another in the order given; lanes start in the order of their first item. Once `work` throws or
 * `keepGoing()` turns false, no new item starts; the first error is thrown when the running ones have finished.
 */
export async function runInLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  width: number,
  work: (item: T) => Promise<void>,
  keepGoing: () => boolean = () => true,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(laneOf(item));
    if (lane) lane.push(item);
    else lanes.set(laneOf(item), [item]);
  }
  const pending = lanes.values();
  let failure: { error: unknown } | null = null;

  const runner = async () => {
    for (let lane = pending.next(); !lane.done; lane = pending.next()) {
      for (const item of lane.value) {
        if (failure || !keepGoing()) return;
        try {
          await work(item);
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, lanes.size)) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}
