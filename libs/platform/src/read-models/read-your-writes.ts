import { Inject, Injectable, Optional } from '@nestjs/common';
import { ProjectionRunner, waitForCheckpoint, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE } from '../tokens';

/** How long a read waits for the projection to reach the caller's last write before answering anyway. */
const WAIT_MS = 2000;

/**
 * Read-your-writes: every command answers with the global position of its last event (`X-Event-Position`),
 * and a query waits briefly until the read models have applied that position. Patron reads pass it back
 * as `?after=` or `X-After-Position`; commands that also answer with data wait before answering.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Optional() @Inject(ProjectionRunner) private readonly runner: ProjectionRunner | null,
  ) {}

  /** True when the read models include `position`; false when the wait timed out. */
  async waitFor(position: bigint | null | undefined): Promise<boolean> {
    if (position === null || position === undefined) return true;
    if (this.runner) return this.runner.waitForPosition(position, WAIT_MS);
    return waitForCheckpoint(this.store, position, { timeoutMs: WAIT_MS });
  }
}
