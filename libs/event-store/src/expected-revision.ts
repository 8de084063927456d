import { WrongExpectedVersionError } from './errors';
import type { ExpectedRevision } from './port';

/**
 * Checks the writer's expectation against the stream's last revision (undefined: no such stream).
 * The lmdb adapter runs it inside the write transaction, so nothing can change the stream between
 * this check and the write; the EventStoreDB adapter only for an empty append, which writes nothing.
 */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, lastRevision: number | undefined): void {
  if (!meetsExpectation(expected, lastRevision)) {
    throw new WrongExpectedVersionError(streamId, expected, lastRevision ?? 'no_stream');
  }
}

function meetsExpectation(expected: ExpectedRevision, lastRevision: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return lastRevision === undefined;
    case 'exists':
      return lastRevision !== undefined;
    default: {
      // Typed as number so that a new ExpectedRevision keyword fails to compile here instead of comparing.
      const revision: number = expected;
      return revision === lastRevision;
    }
  }
}
