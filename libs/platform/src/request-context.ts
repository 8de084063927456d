import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What a request (or a job run) carries into every event it causes and every log line it writes. */
export interface RequestContext {
  correlationId: string;
  /** Request id: the causation id of the first events a request appends. */
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  /** The current context, or a fresh one for work that started outside any request (jobs, reactors). */
  currentOrNew(): RequestContext {
    const id = randomUUID();
    return storage.getStore() ?? { correlationId: id, requestId: id };
  },
};
