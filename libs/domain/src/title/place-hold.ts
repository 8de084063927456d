import {
  AlreadyHoldingTitle,
  ContactMethodNotOffered,
  CopyAvailableOnShelf,
  EmailNotRegistered,
  HoldIdTaken,
  NotHoldableMaterial,
  TitleOnLoanToPatron,
  UnknownLocation,
} from '../errors';
import type { TitleEvent } from '../events';
import { requireTitle } from './lookups';
import { availableCopies, liveHoldOf } from './queue';
import type { PlaceHold } from './title-commands';
import type { TitleState } from './title-state';

/**
 * The title's side of placing a hold (the patron's slot is claimed first: R7). Rules in the order a patron
 * would fix them: where and how to be told (R13, R14), what may be held (R8, R9), then what they already
 * have (R10, R12) and whether a copy is on the shelf (R9). A retry with the same hold id decides nothing.
 * No copy is assigned here: copies are assigned when scanned in (CheckIn), e.g. pulled from the shelf.
 */
export function placeHold(command: PlaceHold, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const { holdId, cardNumber, pickupLocationId, contactMethod, via, policy } = command;
  const titleId = state.titleId;

  const existing = state.holds[holdId];
  if (existing) {
    if (existing.cardNumber === cardNumber) return [];
    throw new HoldIdTaken(holdId);
  }

  if (!command.knownLocationIds.includes(pickupLocationId)) throw new UnknownLocation(pickupLocationId, 'R13');
  if (!policy.contactMethods.includes(contactMethod)) throw new ContactMethodNotOffered({ contactMethod, offered: policy.contactMethods });
  if (contactMethod === 'email' && !command.patronEmail) throw new EmailNotRegistered(cardNumber);

  const materialType = state.materialType as NonNullable<TitleState['materialType']>;
  const holdable = via === 'online' ? policy.holdableMaterialTypes : policy.counterHoldableMaterialTypes;
  if (!holdable.includes(materialType)) {
    const counterOnly = via === 'online' && policy.counterHoldableMaterialTypes.includes(materialType);
    throw new NotHoldableMaterial({ titleId, materialType, via, reason: counterOnly ? 'counter-only' : 'material-type' });
  }
  // Only copies that can be lent make a title holdable (R8: 貸出禁止資料は予約できません; R9: 禁帯出).
  const copies = Object.values(state.copies);
  if (!copies.some((copy) => copy.loanable)) {
    throw new NotHoldableMaterial({ titleId, materialType, via, reason: copies.length === 0 ? 'no-copy' : 'not-for-loan' });
  }

  if (policy.titleOnLoanBlocksHold && copies.some((copy) => copy.loan?.cardNumber === cardNumber)) {
    throw new TitleOnLoanToPatron({ titleId, cardNumber });
  }
  const held = liveHoldOf(state, cardNumber);
  if (held) throw new AlreadyHoldingTitle({ titleId, cardNumber, holdId: held.holdId });

  const available = availableCopies(state);
  if (via === 'online' && !policy.onlineHoldsOnAvailableTitles && available.length > 0) {
    throw new CopyAvailableOnShelf({ titleId, locationIds: [...new Set(available.map((copy) => copy.locationId))] });
  }

  return [{ type: 'HoldPlaced', data: { titleId, holdId, cardNumber, pickupLocationId, contactMethod, placedVia: via } }];
}
