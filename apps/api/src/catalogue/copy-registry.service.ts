import { Injectable } from '@nestjs/common';
import { DomainRuleViolation, streamIds, type CopyRegistryEvent } from '@libs/domain';
import { WrongExpectedVersionError, type Actor, type EventStore } from '@libs/event-store';
import { readStreamOrEmpty, toNewEvent } from '@libs/platform';
import { CommandRunner } from '../commands/command-runner.service';

export class CopyIdTaken extends DomainRuleViolation {
  constructor(copyId: string, titleId: string) {
    super('copy-id-taken', `Copy ${copyId} is already registered for title ${titleId}; copy ids are unique across the catalogue.`, 'conflict', null, {
      copyId,
      titleId,
    });
  }
}

/**
 * `copy-<copyId>` holds one event claiming the id for its title (appended with 'no_stream', so two titles can
 * never claim one copy id). A scanned copy id leads to its title with one strongly consistent read.
 */
@Injectable()
export class CopyRegistry {
  private readonly store: EventStore;

  constructor(private readonly commands: CommandRunner) {
    this.store = commands.store;
  }

  async titleOf(copyId: string): Promise<string> {
    const events = (await readStreamOrEmpty(this.store, streamIds.copy(copyId))) as unknown as CopyRegistryEvent[];
    if (events.length === 0) throw new DomainRuleViolation('unknown-copy', `There is no copy ${copyId} in the catalogue.`, 'not-found', null, { copyId });
    return events[0].data.titleId;
  }

  /** Claims the id; claiming it again for the same title is a no-op, so a retried cataloguing succeeds. */
  async claim(copyId: string, titleId: string, actor: Actor): Promise<void> {
    const event = toNewEvent({ type: 'CopyRegistered', data: { copyId, titleId } }, { actor, now: this.commands.clock.now() });
    try {
      await this.store.append(streamIds.copy(copyId), [event], 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const owner = await this.titleOf(copyId);
      if (owner !== titleId) throw new CopyIdTaken(copyId, owner);
    }
  }
}
