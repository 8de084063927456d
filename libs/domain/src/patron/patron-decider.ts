import type { Decider } from '../decider';
import type { PatronEvent } from '../events';
import { claimHoldSlot, releaseHoldSlot } from './hold-slots';
import { changePassword } from './password-change';
import { completePasswordReset, requestPasswordReset } from './password-reset';
import type { PatronCommand } from './patron-commands';
import { evolvePatron, initialPatronState, type PatronState } from './patron-state';
import { registerEmail, registerPatron, renewCard, setPassword } from './registration';

function decidePatron(command: PatronCommand, state: PatronState): PatronEvent[] {
  switch (command.type) {
    case 'RegisterPatron':
      return registerPatron(command, state);
    case 'RenewCard':
      return renewCard(command, state);
    case 'SetPassword':
      return setPassword(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'RegisterEmail':
      return registerEmail(command, state);
    case 'RequestPasswordReset':
      return requestPasswordReset(command, state);
    case 'CompletePasswordReset':
      return completePasswordReset(command, state);
    case 'ClaimHoldSlot':
      return claimHoldSlot(command, state);
    case 'ReleaseHoldSlot':
      return releaseHoldSlot(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Stream `patron-<cardNumber>`: registration, card, password, e-mail and the ledger of hold slots. */
export const patronDecider: Decider<PatronCommand, PatronState, PatronEvent> = {
  initialState: initialPatronState,
  evolve: evolvePatron,
  decide: decidePatron,
};
