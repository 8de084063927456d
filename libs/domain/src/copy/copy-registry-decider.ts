import type { Decider } from '../decider';
import { CopyIdTaken, UnknownCopy } from '../errors';
import type { CopyRegistryEvent } from '../events';

/** Claims a copy id for its title, before the title's `AddCopy`. */
export interface RegisterCopy {
  type: 'RegisterCopy';
  copyId: string;
  titleId: string;
}

export type CopyRegistryCommand = RegisterCopy;

export interface CopyRegistryState {
  /** The title that owns the copy id, or null while the id is free. */
  titleId: string | null;
}

export const initialCopyRegistryState: CopyRegistryState = { titleId: null };

export function evolveCopyRegistry(state: CopyRegistryState, event: CopyRegistryEvent): CopyRegistryState {
  switch (event.type) {
    case 'CopyRegistered':
      return { titleId: event.data.titleId };
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

/** Copy ids are unique across the catalogue. The same title claiming again decides nothing, so a retried cataloguing succeeds. */
function decideCopyRegistry(command: CopyRegistryCommand, state: CopyRegistryState): CopyRegistryEvent[] {
  switch (command.type) {
    case 'RegisterCopy': {
      if (state.titleId === command.titleId) return [];
      if (state.titleId !== null) throw new CopyIdTaken(command.copyId, state.titleId);
      return [{ type: 'CopyRegistered', data: { copyId: command.copyId, titleId: command.titleId } }];
    }
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

/** The title a scanned copy id leads to (check-in, check-out, clearance), or UnknownCopy. */
export function requireCopyTitle(state: CopyRegistryState, copyId: string): string {
  if (state.titleId === null) throw new UnknownCopy(copyId, null);
  return state.titleId;
}

/**
 * Stream `copy-<copyId>`: one CopyRegistered claiming the id for its title. Two titles racing for one id both
 * decide on the empty stream; the append of the second fails on the expected revision, and on the retry it
 * sees the first one's claim and is refused.
 */
export const copyRegistryDecider: Decider<CopyRegistryCommand, CopyRegistryState, CopyRegistryEvent> = {
  initialState: initialCopyRegistryState,
  evolve: evolveCopyRegistry,
  decide: decideCopyRegistry,
};
