import {
  isCommandError,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../port';

export interface ErrorContext {
  operation: string;
  streamId?: string;
  expected?: ExpectedRevision;
}

/**
 * Translates what the client threw into the port's errors. Conflicts and missing streams keep their
 * meaning; every other client or gRPC failure (unreachable, deadline, dropped connection, server
 * refusal) means the store cannot serve the call. Anything else is a bug and passes through unchanged.
 */
export function toStoreError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof ClientWrongExpectedVersionError && context.streamId !== undefined && context.expected !== undefined) {
    const actual = error.actualVersion === 'no_stream' ? 'no_stream' : Number(error.actualVersion);
    return new WrongExpectedVersionError(context.streamId, context.expected, actual);
  }
  if (error instanceof ClientStreamNotFoundError) {
    return new StreamNotFoundError(context.streamId ?? error.streamName);
  }
  if (error instanceof Error && (isCommandError(error) || isGrpcError(error))) {
    return new EventStoreUnavailableError(`EventStoreDB ${context.operation} failed: ${error.message}`, { cause: error });
  }
  return error;
}

/** Some calls (the server-features probe) reject with the raw gRPC error rather than a client error. */
function isGrpcError(error: Error): boolean {
  return typeof (error as { code?: unknown }).code === 'number' && 'metadata' in error;
}
