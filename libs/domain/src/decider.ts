import type { DomainEvent } from './events';

/**
 * A decider: the pure heart of one stream. `decide` turns a command and the folded state into new events,
 * or throws a DomainRuleViolation naming the rule; `evolve` folds one event into the state.
 * No I/O and no clock: time arrives inside the command.
 */
export interface Decider<Command, State, Event extends DomainEvent = DomainEvent> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
