import { Inject, Injectable } from '@nestjs/common';
import { fold, localDate, type Decider, type DomainEvent, type LocalDate, type Policy } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { Clock } from '../clock';
import { EVENT_STORE, POLICY } from '../tokens';
import { readEvents, type Actor, type Recorded } from '../event-store/recorded-events';
import { handleCommand, type CommandResult } from './handle-command';

/** What a command answers when its caller needs only the global position of its last event. */
export type Positioned = { position: bigint | null };

export interface RunOptions {
  actor: Actor;
  reason?: string;
  causationId?: string;
}

/** What every command handler needs: the store, the clock, the policy; and one way to run a decider. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(POLICY) readonly policy: Policy,
    readonly clock: Clock,
  ) {}

  /** Today in the library's time zone: every "day" of the rules is a local calendar day. */
  today(): LocalDate {
    return localDate(this.clock.now(), this.policy.timeZone);
  }

  run<Command, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    streamId: string,
    command: Command | ((state: State) => Command),
    options: RunOptions,
  ): Promise<CommandResult<State, Event>> {
    return handleCommand(this.store, decider, streamId, command, { ...options, now: this.clock.now() });
  }

  /** Runs a command and answers with just its position (read-your-writes). */
  async runForPosition<Command, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    streamId: string,
    command: Command | ((state: State) => Command),
    options: RunOptions,
  ): Promise<Positioned> {
    const { position } = await this.run(decider, streamId, command, options);
    return { position };
  }

  /** The current state of a stream, folded, without deciding anything. */
  async load<State, Event extends DomainEvent>(decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve'>, streamId: string): Promise<State> {
    return fold(decider, await this.events<Event>(streamId));
  }

  /** A stream's events, typed by the domain's events of that stream; none when the stream has no events. */
  events<Event extends DomainEvent>(streamId: string): Promise<Recorded<Event>[]> {
    return readEvents<Event>(this.store, streamId);
  }
}

/** The later of two positions (a command that appended to several streams answers with the last). */
export function laterPosition(...positions: (bigint | null)[]): bigint | null {
  return positions.reduce<bigint | null>((latest, position) => (position !== null && (latest === null || position > latest) ? position : latest), null);
}
