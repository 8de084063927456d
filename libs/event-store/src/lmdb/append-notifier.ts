/**
 * Wakes this process's live subscriptions after an append commits. Only appends made through this
 * process can exist: the data-directory lock keeps every other process out.
 */
export class AppendNotifier {
  private readonly listeners = new Set<() => void>();

  /** Returns the function that removes the listener. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
