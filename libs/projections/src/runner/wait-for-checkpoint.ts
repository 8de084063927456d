import type { ReadModelStore } from '../store/read-model-store';

/**
 * Read-your-writes for a process that reads the read models but does not run the projections (the api beside a
 * separate worker): polls the store's checkpoint until it reaches `position` or `timeoutMs` passes.
 */
export async function waitForCheckpoint(store: ReadModelStore, position: bigint, options: { timeoutMs: number; pollIntervalMs?: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const checkpoint = await store.getCheckpoint();
    if (checkpoint !== null && checkpoint >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollIntervalMs ?? 10, Math.max(0, deadline - Date.now()))));
  }
}
