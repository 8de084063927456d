import type { EventStore, RecordedEvent } from '@libs/event-store';
import { ExpirySweep } from '../../libs/application/src/expiry/expiry-sweep';
import { wasSkipped, type SweepOutcome, type SweepReport } from '../../libs/application/src/expiry/sweep-report';
import { bearer, eventStoreOf, LibraryFixture, patronToken, staffToken } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

/** 10:00 on a local day in Tokyo (the library's time zone), as an instant. */
export const tokyo = (day: string, time = '10:00') => `${day}T${time}:00+09:00`;

type Calendar = Parameters<LibraryFixture['calendar']>[1];

export interface ReadyHold {
  holdId: string;
  cardNumber: string;
  titleId: string;
  copyId: string;
}

const PATRON_PASSWORD = 'patron-password';
/** Tokens live an hour on the app's clock, which the tests move by days: log in again when it moved. */
const TOKEN_REUSE_MS = 30 * 60_000;

let cards = 0;
/** Nine digits: Library B's card numbers (R1), also fine for Library A. */
const nextCard = () => String(300_000_000 + ++cards);

/**
 * A library seen through the expiry: holds made ready on chosen days through the real API, sweeps run by
 * calling the app's own ExpirySweep after moving its clock (no waiting for cron), and the event log to count
 * what the sweeps appended.
 */
export class ExpiryLibrary {
  private readonly tokens = new Map<string, { token: string; at: number }>();

  constructor(readonly app: TestApp) {}

  private async token(key: string, login: () => Promise<string>): Promise<string> {
    const now = this.app.clock.now().getTime();
    const cached = this.tokens.get(key);
    if (cached && now >= cached.at && now - cached.at < TOKEN_REUSE_MS) return cached.token;
    const token = await login();
    this.tokens.set(key, { token, at: now });
    return token;
  }

  /** A staff administrator's token, valid at the clock's current time. */
  staff(): Promise<string> {
    return this.token('staff', () => staffToken(this.app));
  }

  patron(cardNumber: string): Promise<string> {
    return this.token(`patron:${cardNumber}`, () => patronToken(this.app, cardNumber, PATRON_PASSWORD));
  }

  /** The shared fixture, with a fresh staff token. */
  async library(): Promise<LibraryFixture> {
    return new LibraryFixture(this.app, await this.staff());
  }

  get sweeper(): ExpirySweep {
    return this.app.app.get(ExpirySweep);
  }

  get events(): EventStore {
    return eventStoreOf(this.app);
  }

  on(day: string, time?: string): void {
    this.app.clock.set(tokyo(day, time));
  }

  async location(locationId: string, calendar?: Calendar): Promise<void> {
    await (await this.library()).location(locationId);
    if (calendar) await this.calendar(locationId, calendar);
  }

  async calendar(locationId: string, calendar: Calendar): Promise<void> {
    await (await this.library()).calendar(locationId, calendar);
  }

  /** A title with one copy at `locationId`, lent out so that holds wait for it (R9: no copy on the shelf). */
  async titleOnLoan(titleId: string, locationId: string, copies = 1): Promise<string[]> {
    const library = await this.library();
    await library.title(titleId);
    const copyIds = Array.from({ length: copies }, (_, i) => `${titleId}-c${i + 1}`);
    const lender = nextCard();
    await library.patron(lender, PATRON_PASSWORD);
    for (const copyId of copyIds) {
      await library.copy(copyId, titleId, locationId);
      await library.checkout(copyId, lender);
    }
    return copyIds;
  }

  /** A new patron's online hold on the title, waiting. */
  async waitingHold(titleId: string, pickupLocationId: string): Promise<Omit<ReadyHold, 'copyId'>> {
    const cardNumber = nextCard();
    await (await this.library()).patron(cardNumber, PATRON_PASSWORD);
    const token = await this.patron(cardNumber);
    const placed = await this.app.http().post('/me/holds').set(bearer(token)).send({ titleId, pickupLocationId, contactMethod: 'none' }).expect(201);
    return { holdId: placed.body.holdId as string, cardNumber, titleId };
  }

  /** The copy comes back at `locationId` on the current day: the first waiting hold there is ready (R17). */
  async checkIn(copyId: string, locationId: string) {
    return (await this.library()).checkin(copyId, locationId);
  }

  /** A hold made ready on `noticeDay` at `locationId`, for a title of its own. */
  async readyHold(titleId: string, locationId: string, noticeDay: string): Promise<ReadyHold> {
    const [copyId] = await this.titleOnLoan(titleId, locationId);
    const hold = await this.waitingHold(titleId, locationId);
    this.on(noticeDay);
    const checkin = await this.checkIn(copyId, locationId);
    expect(checkin.outcome).toMatchObject({ action: 'hold-shelf', holdId: hold.holdId });
    return { ...hold, copyId };
  }

  async sweep(): Promise<SweepReport> {
    const outcome: SweepOutcome = await this.sweeper.sweep();
    if (wasSkipped(outcome)) throw new Error('the sweep was skipped');
    return outcome;
  }

  /** The sweep on `day` (at 00:05 local, when the daily one runs): the hold ids it expired. */
  async sweepOn(day: string, time = '00:05'): Promise<string[]> {
    this.on(day, time);
    return (await this.sweep()).expired.map((hold) => hold.holdId);
  }

  async readyList(cardNumber: string): Promise<{ holdId: string; copyId: string; noticeDay: string; lastPickupDay: string }[]> {
    return (
      await this.app
        .http()
        .get('/me/holds/ready')
        .set(bearer(await this.patron(cardNumber)))
        .expect(200)
    ).body.items;
  }

  async holdHistory(holdId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    return (
      await this.app
        .http()
        .get(`/staff/holds/${holdId}/history`)
        .set(bearer(await this.staff()))
        .expect(200)
    ).body.items;
  }

  async clearance(locationId: string): Promise<{ holdId: string; copyId: string; reason: string }[]> {
    return (
      await this.app
        .http()
        .get(`/staff/locations/${locationId}/clearance`)
        .set(bearer(await this.staff()))
        .expect(200)
    ).body.items;
  }

  async due(on?: string): Promise<{ holdId: string; noticeDay: string; lastPickupDay: string; expiryDay: string }[]> {
    const response = await this.app
      .http()
      .get('/staff/expiry/due')
      .query(on ? { on } : {})
      .set(bearer(await this.staff()))
      .expect(200);
    return response.body.items;
  }

  async titleEvents(titleId: string): Promise<RecordedEvent[]> {
    return this.events.readStream(`title-${titleId}`);
  }

  /** How many times the title's log says the hold expired: exactly once, always (I3). */
  async expiries(titleId: string, holdId: string): Promise<number> {
    return (await this.titleEvents(titleId)).filter((event) => event.type === 'PickupExpired' && (event.data as { holdId: string }).holdId === holdId).length;
  }
}
