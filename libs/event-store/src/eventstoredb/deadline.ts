import { EventStoreUnavailableError } from '../errors';

/** How long one call to EventStoreDB may take before the adapter gives up on it, unless configured otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** The call did not answer within its deadline; what it was doing may still happen on the server. */
export class CallTimedOut extends EventStoreUnavailableError {
  constructor(operation: string, timeoutMs: number) {
    super(`EventStoreDB ${operation} did not answer within ${timeoutMs} ms`);
  }
}

/**
 * Races a call against its deadline. A server that drops a call (network partition, a stalled node) otherwise leaves
 * the caller waiting for minutes; past the deadline the caller gets CallTimedOut (503 event-store-unavailable).
 */
export async function withDeadline<T>(operation: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CallTimedOut(operation, timeoutMs)), timeoutMs);
  });
  const running = call();
  // The call may still settle after the deadline: its outcome is then nobody's, and must not be an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
