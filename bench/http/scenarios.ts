import type { RawRequest } from 'autocannon';
import type { SeededLibrary } from './seed';

/** The policy's active-hold limit (R7): a patron's 11th placement would be refused, so no patron gets more than 10. */
const HOLDS_PER_PATRON = 10;

export interface Scenario {
  name: string;
  /** What the bar chart and the JSON call it. */
  label: string;
  /** Whether it appends events (its projection lag is sampled). */
  writes: boolean;
  /** Fresh requests it has (each placement a new patron and title, each check-in a copy on loan); more would be refused. */
  supply: number;
  /** Builds the next request; called once per request sent. */
  next(): RawRequest;
}

const json = (token: string, body: unknown): RawRequest => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});

/**
 * The same HTTP stack answering with the least work it can: an unknown path goes through every middleware (correlation
 * id, logging, helmet), Nest's router and the problem+json filter, and touches no store. The ceiling of the others.
 */
export function ceiling(): Scenario {
  return {
    name: 'ceiling',
    label: 'GET unknown route (404, ceiling)',
    writes: false,
    supply: Infinity,
    next: () => ({ method: 'GET', path: '/no-such-route' }),
  };
}

/** Each placement a different patron and title, so every one is accepted: patron p holds titles p … p+9. */
export function placeHolds(library: SeededLibrary): Scenario {
  const patrons = library.tokens.length;
  let sent = 0;
  return {
    name: 'place-hold',
    label: 'POST /me/holds',
    writes: true,
    supply: Math.min(HOLDS_PER_PATRON, library.titleIds.length) * patrons,
    next: () => {
      const patron = sent % patrons;
      const round = Math.floor(sent / patrons);
      sent += 1;
      const titleId = library.titleIds[(patron + round) % library.titleIds.length];
      return { ...json(library.tokens[patron], { titleId, pickupLocationId: library.locationId, contactMethod: 'none' }), path: '/me/holds' };
    },
  };
}

/** One of the patron's three lists, patron after patron. */
export function patronList(library: SeededLibrary, path: '/me/holds' | '/me/holds/ready' | '/me/loans'): Scenario {
  let sent = 0;
  return {
    name: `list${path.replace(/\//g, '-')}`,
    label: `GET ${path}`,
    writes: false,
    supply: Infinity,
    next: () => ({ method: 'GET', path, headers: { authorization: `Bearer ${library.tokens[sent++ % library.tokens.length]}` } }),
  };
}

/** Each check-in returns a different copy; most have holds waiting, so the copy goes to the first of them (I2). */
export function checkIns(library: SeededLibrary): Scenario {
  let sent = 0;
  return {
    name: 'check-in',
    label: 'POST /staff/checkins',
    writes: true,
    supply: library.copyIds.length,
    next: () => ({
      ...json(library.staffToken, { copyId: library.copyIds[sent++ % library.copyIds.length], locationId: library.locationId }),
      path: '/staff/checkins',
    }),
  };
}
