import type { TitleEvent } from '../events';
import { evolveTitle, type TitleState } from './title-state';

/**
 * Events decided so far and the state they lead to: a decision that emits several events (expire, then hand
 * the copy on: I4) decides each next step on the state after the previous one.
 */
export interface Decision {
  state: TitleState;
  events: TitleEvent[];
}

export const startDecision = (state: TitleState): Decision => ({ state, events: [] });

export function record(decision: Decision, event: TitleEvent): Decision {
  return { state: evolveTitle(decision.state, event), events: [...decision.events, event] };
}
