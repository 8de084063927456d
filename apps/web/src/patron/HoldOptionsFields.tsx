import { CONTACT_METHODS, type ContactMethod } from '../shared/common-messages';
import { useLoad } from '../shared/ui';
import type { PatronHold, PatronReadyHold } from '../shared/patron-lists';
import { usePatron } from './patron-context';
import { mergeLocations, type KnownLocation } from './pickup-locations';

/** GET /library: the pickup locations (R13) and the contact methods this library offers (R14). */
interface LibraryInfo {
  pickupLocations: KnownLocation[];
  contactMethods: ContactMethod[];
}

export interface HoldOptions {
  pickupLocationId: string;
  contactMethod: ContactMethod;
}

interface HoldOptionsFieldsProps {
  idPrefix: string;
  value: HoldOptions;
  onChange(value: HoldOptions): void;
}

/** Pickup location (R13) and contact method (R14): asked for one hold and for a batch alike. */
export function HoldOptionsFields({ idPrefix, value, onChange }: HoldOptionsFieldsProps) {
  const { api, text, afterQuery } = usePatron();
  const known = useLoad(async () => {
    const [library, holds, ready] = await Promise.all([
      api.get<LibraryInfo>('/library'),
      api.get<{ items: PatronHold[] }>(`/me/holds${afterQuery}`),
      api.get<{ items: PatronReadyHold[] }>(`/me/holds/ready${afterQuery}`),
    ]);
    const locations = mergeLocations(
      library.pickupLocations,
      ready.items.map((hold) => ({ locationId: hold.pickupLocationId, name: hold.pickupLocationName })),
      holds.items.map((hold) => ({ locationId: hold.pickupLocationId, name: hold.pickupLocationId })),
    );
    return { locations, contactMethods: CONTACT_METHODS.filter((method) => library.contactMethods.includes(method)) };
  }, [api, afterQuery]);
  const t = text.place;
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-pickup`}>{t.pickup}</label>
        <input
          id={`${idPrefix}-pickup`}
          required
          list={`${idPrefix}-pickup-list`}
          autocomplete="off"
          aria-describedby={`${idPrefix}-pickup-hint`}
          value={value.pickupLocationId}
          onInput={(event) => onChange({ ...value, pickupLocationId: event.currentTarget.value })}
        />
        <datalist id={`${idPrefix}-pickup-list`}>
          {(known.data?.locations ?? []).map((location) => (
            <option key={location.locationId} value={location.locationId}>
              {location.name}
            </option>
          ))}
        </datalist>
        <span id={`${idPrefix}-pickup-hint`} class="hint">
          {t.pickupHint}
        </span>
      </div>
      <div class="field">
        <label for={`${idPrefix}-contact`}>{t.contact}</label>
        <select
          id={`${idPrefix}-contact`}
          aria-describedby={`${idPrefix}-contact-hint`}
          value={value.contactMethod}
          onChange={(event) => onChange({ ...value, contactMethod: event.currentTarget.value as ContactMethod })}
        >
          {(known.data?.contactMethods ?? CONTACT_METHODS).map((method) => (
            <option key={method} value={method}>
              {text.contactMethod[method]}
            </option>
          ))}
        </select>
        <span id={`${idPrefix}-contact-hint`} class="hint">
          {t.contactHint}
        </span>
      </div>
    </>
  );
}
