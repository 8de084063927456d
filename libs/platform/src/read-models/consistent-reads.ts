import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@libs/event-store';
import { EVENT_STORE } from '../tokens';
import { ReadYourWrites } from './read-your-writes';

/**
 * Before a list is read, wait (at most 2 s) until the read models have applied every event that was in the log
 * when the query arrived: a patron sees their own hold right after placing it, and a hold made ready by a check-in
 * a moment ago. The answer says whether the wait timed out (`X-Read-Models-Behind: true`).
 */
@Injectable()
export class ConsistentReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async settle(after?: bigint | null): Promise<boolean> {
    const head = await this.store.headPosition();
    const target = after !== undefined && after !== null && after > head ? after : head;
    return target < 0n ? true : this.readYourWrites.waitFor(target);
  }
}
