import { randomUUID } from 'node:crypto';
import { fold, type Decider, type DomainEvent } from '@libs/domain';
import { WrongExpectedVersionError, type EventStore, type NewEvent } from '@libs/event-store';
import { asRecorded, readEvents, type Actor, type CommandMetadata, type Recorded } from '../event-store/recorded-events';
import { requestContext } from '../request-context';

export interface CommandOrigin {
  actor: Actor;
  now: Date;
  /** Why, when a person says so (staff cancellation reason: R20). */
  reason?: string;
  /** The event that caused this command, for reactions; defaults to the request id. */
  causationId?: string;
}

export interface CommandResult<State, Event extends DomainEvent = DomainEvent> {
  /** The events this command appended; empty when the decider decided nothing needed to change. */
  events: Recorded<Event>[];
  /** Global position of the last appended event; queries wait for it (read-your-writes). */
  position: bigint | null;
  /** The stream's state after the command. */
  state: State;
}

/** Enough for a burst of racing writers on one stream (20 placements for one patron: I1) to all get a real answer. */
const MAX_ATTEMPTS = 30;

/** Racing writers back off a little, at random, so they stop colliding in lockstep. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));

/**
 * The whole command loop: read the stream, fold it, decide, append with the expected revision.
 * When another writer got there first the loop starts over on the fresh state, a bounded number of times;
 * the decider sees the other writer's events and may now refuse (e.g. the 11th hold: I1).
 * The command may be a function of the state, for commands that need a value read from it.
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<Command, State, Event>,
  streamId: string,
  command: Command | ((state: State) => Command),
  origin: CommandOrigin,
): Promise<CommandResult<State, Event>> {
  for (let attempt = 1; ; attempt++) {
    const recorded = await readEvents<Event>(store, streamId);
    const state = fold(decider, recorded);
    const concrete = typeof command === 'function' ? (command as (state: State) => Command)(state) : command;
    const decided = decider.decide(concrete, state);
    if (decided.length === 0) return { events: [], position: null, state };

    const expected = recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1].revision;
    const toAppend = decided.map((event) => toNewEvent(event, origin));
    try {
      const result = await store.append(streamId, toAppend, expected);
      const firstRevision = result.nextRevision - toAppend.length + 1;
      const events = toAppend.map((event, index) => ({
        ...event,
        streamId,
        revision: firstRevision + index,
        // Only the last position is known from the append; earlier ones are below it.
        position: result.position,
        recordedAt: origin.now.toISOString(),
      }));
      return { events: asRecorded<Event>(events), position: result.position, state: decided.reduce(decider.evolve, state) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) {
        await backOff(attempt);
        continue;
      }
      throw error;
    }
  }
}

export function toNewEvent(event: DomainEvent, origin: CommandOrigin): NewEvent {
  const context = requestContext.currentOrNew();
  const metadata: CommandMetadata = {
    correlationId: context.correlationId,
    causationId: origin.causationId ?? context.requestId,
    actor: origin.actor,
    occurredAt: origin.now.toISOString(),
    ...(origin.reason ? { reason: origin.reason } : {}),
  };
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata,
  };
}
