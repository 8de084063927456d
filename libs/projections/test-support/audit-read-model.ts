import { type ReadModel } from '@libs/projections';

/**
 * A read model for runner tests: records every position it folds, per stream, so a skipped or doubled event shows.
 * `failOn` makes it throw on one event id, as a bug would.
 */
export function auditReadModel(failOn: { eventId: string | null }): ReadModel<{ positions: string[] }> {
  return {
    collection: 'audit',
    keysOf: (event) => [event.streamId],
    evolve(doc, event) {
      if (event.id === failOn.eventId) throw new Error(`cannot fold ${event.type}`);
      return { positions: [...(doc?.positions ?? []), event.position.toString()] };
    },
    indexesOf: () => [],
  };
}
