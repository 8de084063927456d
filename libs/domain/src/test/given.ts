import { fold, type Decider } from '../decider';
import { DomainRuleViolation } from '../errors';
import type { DomainEvent } from '../events';

/** Given these events (folded into the decider's state) / when this command: the decided events, or a throw. */
export function given<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>, history: readonly Event[]) {
  const state = fold(decider, history);
  return {
    state,
    when: (command: Command): Event[] => decider.decide(command, state),
  };
}

/** The violation a decision throws, to assert its code, rule and kind together. */
export function violationOf(decision: () => unknown): DomainRuleViolation {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a DomainRuleViolation, but the decision succeeded');
}
