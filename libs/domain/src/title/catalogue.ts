import { CopyAlreadyAdded, TitleAlreadyCatalogued } from '../errors';
import type { TitleEvent } from '../events';
import { requireTitle } from './lookups';
import type { AddCopy, CatalogueTitle } from './title-commands';
import type { TitleState } from './title-state';

export function catalogueTitle(command: CatalogueTitle, state: TitleState): TitleEvent[] {
  if (state.exists) throw new TitleAlreadyCatalogued(command.titleId);
  const { titleId, name, author, materialType, volume } = command;
  return [{ type: 'TitleCatalogued', data: { titleId, name, author, materialType, volume } }];
}

/** A new copy starts on the open shelf; waiting holds get it when it is scanned in (CheckIn). */
export function addCopy(command: AddCopy, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  if (state.copies[command.copyId]) throw new CopyAlreadyAdded(command.copyId);
  const { copyId, locationId, loanable } = command;
  return [{ type: 'CopyAdded', data: { titleId: state.titleId, copyId, locationId, loanable } }];
}
