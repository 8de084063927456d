import type { ContactMethod, DomainEvent } from '@libs/domain';
import { events as e } from './domain-events';

/**
 * A deterministic day-by-day life of a small library system, as events: holds placed, copies assigned in queue
 * order, transits, pickups, expiries, cancellations, shelf clearing, calls, loans and returns, calendar changes.
 * Only plausible sequences: good enough to drive every read model through every state, not a domain model.
 */
export function simulateLibrary(options: { events: number; titles?: number; patrons?: number; seed?: number }): DomainEvent[] {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const locations = ['main', 'east', 'west'];
  const titleCount = options.titles ?? 300;
  const patronCount = options.patrons ?? 400;
  const out: DomainEvent[] = [];

  type Copy = { titleId: string; copyId: string; at: string; state: 'shelf' | 'loan' | 'transit' | 'ready' | 'clearance'; card?: string; holdId?: string };
  type Hold = { holdId: string; titleId: string; card: string; pickup: string; contact: ContactMethod; copy?: Copy; notice?: string };
  const copies: Copy[] = [];
  const waiting = new Map<string, Hold[]>();
  const inTransit: Hold[] = [];
  const ready: Hold[] = [];
  const holdsOf = new Map<string, Set<string>>();
  let day = 0;
  let holdSeq = 0;
  const today = () => new Date(Date.UTC(2026, 3, 1 + day)).toISOString().slice(0, 10);
  const takeRandom = <T>(items: T[]): T | undefined => (items.length === 0 ? undefined : items.splice(Math.floor(random() * items.length), 1)[0]);

  for (const locationId of locations)
    out.push(e.locationRegistered(locationId), e.calendarChanged(locationId, { weeklyClosedDays: [1], closedOnNationalHolidays: true }));
  for (let t = 0; t < titleCount; t++) {
    const titleId = `t${t}`;
    out.push(e.titleCatalogued(titleId));
    waiting.set(titleId, []);
    for (let c = 0; c < 1 + Math.floor(random() * 3); c++) {
      const copy: Copy = { titleId, copyId: `${titleId}-c${c}`, at: pick(locations), state: 'shelf' };
      copies.push(copy);
      out.push(e.copyAdded(titleId, copy.copyId, copy.at, random() > 0.05));
    }
  }
  for (let p = 0; p < patronCount; p++) {
    const card = `${100000000 + p}`;
    holdsOf.set(card, new Set());
    out.push(e.patronRegistered(card));
    if (random() < 0.7) out.push(e.emailRegistered(card, `${card}@example.jp`));
  }

  // Pickups, expiries and arrivals wait for a few to build up, so every list has entries at any point.
  const release = (hold: Hold) => holdsOf.get(hold.card)?.delete(hold.titleId);
  const steps: [number, () => void][] = [
    [
      10,
      () => {
        const card = `${100000000 + Math.floor(random() * patronCount)}`;
        const titleId = `t${Math.floor(random() * titleCount)}`;
        const held = holdsOf.get(card) as Set<string>;
        if (held.size >= 10 || held.has(titleId)) return;
        held.add(titleId);
        const hold: Hold = {
          holdId: `h${++holdSeq}`,
          titleId,
          card,
          pickup: pick(locations),
          contact: pick(['email', 'email', 'phone', 'ring-only', 'voicemail', 'none'] as const),
        };
        waiting.get(titleId)?.push(hold);
        out.push(
          { type: 'HoldSlotClaimed', data: { cardNumber: card, holdId: hold.holdId, titleId } },
          e.holdPlaced(titleId, hold.holdId, card, hold.pickup, hold.contact),
        );
      },
    ],
    [
      25,
      () => {
        const copy = pick(copies);
        const queue = waiting.get(copy.titleId) as Hold[];
        if (copy.state !== 'shelf' || queue.length === 0) return;
        const hold = queue.shift() as Hold;
        hold.copy = copy;
        if (copy.at === hold.pickup) {
          copy.state = 'ready';
          hold.notice = today();
          ready.push(hold);
          out.push(e.holdReady(hold.titleId, hold.holdId, hold.card, copy.copyId, hold.pickup, today(), { contactMethod: hold.contact }));
        } else {
          copy.state = 'transit';
          inTransit.push(hold);
          out.push(e.holdInTransit(hold.titleId, hold.holdId, hold.card, copy.copyId, copy.at, hold.pickup));
          copy.at = hold.pickup;
        }
      },
    ],
    [
      8,
      () => {
        const hold = inTransit.length > 5 ? takeRandom(inTransit) : undefined;
        if (!hold?.copy) return;
        hold.copy.state = 'ready';
        hold.notice = today();
        ready.push(hold);
        out.push(e.holdReady(hold.titleId, hold.holdId, hold.card, hold.copy.copyId, hold.pickup, today(), { contactMethod: hold.contact }));
      },
    ],
    [
      5,
      () => {
        const hold = ready.length > 30 ? takeRandom(ready) : undefined;
        if (!hold?.copy) return;
        const copy = hold.copy;
        copy.state = 'loan';
        copy.card = hold.card;
        release(hold);
        out.push(
          e.holdFulfilled(hold.titleId, hold.holdId, hold.card, copy.copyId),
          e.copyCheckedOut(hold.titleId, copy.copyId, hold.card, hold.pickup, today(), hold.holdId),
          { type: 'HoldSlotReleased', data: { cardNumber: hold.card, holdId: hold.holdId, titleId: hold.titleId } },
        );
      },
    ],
    [
      2,
      () => {
        const hold = ready.length > 30 ? takeRandom(ready) : undefined;
        if (!hold?.copy) return;
        hold.copy.state = 'clearance';
        hold.copy.holdId = hold.holdId;
        release(hold);
        out.push(e.pickupExpired(hold.titleId, hold.holdId, hold.card, hold.copy.copyId, hold.pickup, today(), today()));
      },
    ],
    [
      1,
      () => {
        const hold = ready.length > 30 ? takeRandom(ready) : undefined;
        if (!hold?.copy) return;
        hold.copy.state = 'clearance';
        hold.copy.holdId = hold.holdId;
        release(hold);
        out.push(e.holdCancelled(hold.titleId, hold.holdId, hold.card, 'ready', hold.copy.copyId, 'staff'));
      },
    ],
    [
      4,
      () => {
        const copy = pick(copies);
        if (copy.state !== 'clearance') return;
        copy.state = 'shelf';
        out.push(e.holdShelfCleared(copy.titleId, copy.copyId, copy.holdId as string, copy.at));
      },
    ],
    [
      4,
      () => {
        const queue = waiting.get(`t${Math.floor(random() * titleCount)}`) as Hold[];
        const hold = takeRandom(queue);
        if (!hold) return;
        release(hold);
        out.push(e.holdCancelled(hold.titleId, hold.holdId, hold.card, 'waiting'));
      },
    ],
    [
      12,
      () => {
        const copy = pick(copies);
        if (copy.state !== 'loan') return;
        copy.state = 'shelf';
        copy.at = pick(locations);
        out.push(e.copyReturned(copy.titleId, copy.copyId, copy.card ?? null, copy.at));
      },
    ],
    [
      3,
      () => {
        const copy = pick(copies);
        if (copy.state !== 'shelf' || (waiting.get(copy.titleId) as Hold[]).length > 0) return;
        copy.state = 'loan';
        copy.card = `${100000000 + Math.floor(random() * patronCount)}`;
        out.push(e.copyCheckedOut(copy.titleId, copy.copyId, copy.card, copy.at, today()));
      },
    ],
    [
      4,
      () => {
        const hold = pick(ready);
        if (!hold || hold.contact === 'email' || hold.contact === 'none') return;
        out.push(e.patronContacted(hold.titleId, hold.holdId, hold.card, pick(['called', 'no-answer', 'left-message'] as const)));
      },
    ],
    [
      1,
      () => {
        const closed = new Date(Date.UTC(2026, 3, 2 + day + Math.floor(random() * 10))).toISOString().slice(0, 10);
        out.push(e.calendarChanged(pick(locations), { weeklyClosedDays: [1], closedOnNationalHolidays: true, closedDates: [closed] }));
      },
    ],
  ];
  const totalWeight = steps.reduce((sum, [weight]) => sum + weight, 0);
  while (out.length < options.events) {
    let roll = random() * totalWeight;
    for (const [weight, step] of steps) {
      roll -= weight;
      if (roll < 0) {
        step();
        break;
      }
    }
    if (random() < 0.01) day += 1;
  }
  return out.slice(0, options.events);
}

/** A small seeded generator: the same seed gives the same library. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
