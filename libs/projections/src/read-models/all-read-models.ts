import type { AnyReadModel } from '../read-model';
import { holdShelfCopiesReadModel } from './hold-shelf-copies/hold-shelf-copies.read-model';
import { holdsReadModel } from './holds/holds.read-model';
import { loansReadModel } from './loans/loans.read-model';
import { locationsReadModel } from './locations/locations.read-model';
import { patronDirectoryReadModel } from './patron-directory/patron-directory.read-model';
import { pendingClaimsReadModel } from './pending-claims/pending-claims.read-model';
import { titlesReadModel } from './titles/titles.read-model';

/** Every read model the patron apps and staff screens read. */
export const allReadModels: readonly AnyReadModel[] = [
  holdsReadModel,
  holdShelfCopiesReadModel,
  titlesReadModel,
  locationsReadModel,
  loansReadModel,
  patronDirectoryReadModel,
  pendingClaimsReadModel,
];
