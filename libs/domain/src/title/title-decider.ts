import type { Decider } from '../decider';
import type { TitleEvent } from '../events';
import { addCopy, catalogueTitle } from './catalogue';
import { cancelHold } from './cancel-hold';
import { checkIn } from './check-in';
import { checkOut } from './check-out';
import { expirePickup } from './expire-pickup';
import { clearHoldShelf, recordContact } from './hold-shelf';
import { placeHold } from './place-hold';
import type { TitleCommand } from './title-commands';
import { evolveTitle, initialTitleState, type TitleState } from './title-state';

function decideTitle(command: TitleCommand, state: TitleState): TitleEvent[] {
  switch (command.type) {
    case 'CatalogueTitle':
      return catalogueTitle(command, state);
    case 'AddCopy':
      return addCopy(command, state);
    case 'PlaceHold':
      return placeHold(command, state);
    case 'CheckIn':
      return checkIn(command, state);
    case 'CheckOut':
      return checkOut(command, state);
    case 'CancelHold':
      return cancelHold(command, state);
    case 'ExpirePickup':
      return expirePickup(command, state);
    case 'ClearHoldShelf':
      return clearHoldShelf(command, state);
    case 'RecordContact':
      return recordContact(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * Stream `title-<titleId>`: the title, its copies and its hold queue, so FIFO assignment (R16), one copy per
 * hold (I2) and "expire, then hand the copy on" (I4) are single-stream atomic decisions.
 */
export const titleDecider: Decider<TitleCommand, TitleState, TitleEvent> = {
  initialState: initialTitleState,
  evolve: evolveTitle,
  decide: decideTitle,
};
