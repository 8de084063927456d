import { Redis } from 'ioredis';
import type { EventStore, RecordedEvent } from '@libs/event-store';
import { EVENT_STORE } from '@libs/platform';
import { startTestApp, type TestApp } from './test-app';
import { testRedisUrl } from './test-redis';
import { TEST_ADMIN } from './test-secrets';

/** The first administrator the test harness configures (test-secrets.ts). */
export const ADMIN = TEST_ADMIN;

export async function staffToken(app: TestApp, staffId = ADMIN.staffId, password = ADMIN.password): Promise<string> {
  const response = await app.http().post('/staff/auth/login').send({ staffId, password }).expect(200);
  return response.body.accessToken as string;
}

export async function patronToken(app: TestApp, cardNumber: string, password: string): Promise<string> {
  const response = await app.http().post('/auth/login').send({ cardNumber, password }).expect(200);
  return response.body.accessToken as string;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A small library through the staff API: a location, titles with copies, patrons with passwords. */
export class LibraryFixture {
  constructor(
    readonly app: TestApp,
    public staff: string,
  ) {}

  /** A fresh staff token, after the test moved the clock past the old one's lifetime. */
  async relogin() {
    this.staff = await staffToken(this.app);
  }

  static async create(app: TestApp): Promise<LibraryFixture> {
    return new LibraryFixture(app, await staffToken(app));
  }

  async location(locationId: string, name = locationId) {
    await this.app.http().post('/staff/locations').set(bearer(this.staff)).send({ locationId, name }).expect(201);
  }

  async calendar(
    locationId: string,
    calendar: Partial<{
      weeklyClosedDays: number[];
      closedDates: string[];
      closedRanges: { from: string; to: string }[];
      closedOnNationalHolidays: boolean;
      closedDayAfterNationalHoliday: boolean;
    }>,
  ) {
    await this.app
      .http()
      .put(`/staff/locations/${locationId}/calendar`)
      .set(bearer(this.staff))
      .send({ weeklyClosedDays: [], closedDates: [], closedRanges: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false, ...calendar })
      .expect(200);
  }

  async title(titleId: string, materialType = 'book', name = `Title ${titleId}`) {
    await this.app.http().post('/staff/titles').set(bearer(this.staff)).send({ titleId, name, materialType }).expect(201);
  }

  async copy(copyId: string, titleId: string, locationId: string, loanable = true) {
    await this.app.http().post('/staff/copies').set(bearer(this.staff)).send({ copyId, titleId, locationId, loanable }).expect(201);
  }

  async patron(
    cardNumber: string,
    password = 'patron-password',
    extra: Partial<{ name: string; birthDate: string; cardExpiresOn: string; wideArea: boolean }> = {},
  ) {
    await this.app
      .http()
      .post('/staff/patrons')
      .set(bearer(this.staff))
      .send({ cardNumber, name: `Patron ${cardNumber}`, birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false, ...extra })
      .expect(201);
    await this.app.http().post(`/staff/patrons/${cardNumber}/password`).set(bearer(this.staff)).send({ password }).expect(204);
    return patronToken(this.app, cardNumber, password);
  }

  /** Checks a copy out to a patron (the copy leaves the shelf). */
  async checkout(copyId: string, cardNumber: string) {
    return (await this.app.http().post('/staff/checkouts').set(bearer(this.staff)).send({ copyId, cardNumber }).expect(201)).body;
  }

  async checkin(copyId: string, locationId: string) {
    return (await this.app.http().post('/staff/checkins').set(bearer(this.staff)).send({ copyId, locationId }).expect(201)).body;
  }

  /** A patron registered at the counter who has not been given a password yet (R1). */
  async registerOnly(cardNumber: string, extra: Partial<{ name: string; birthDate: string; cardExpiresOn: string; wideArea: boolean }> = {}) {
    await this.app
      .http()
      .post('/staff/patrons')
      .set(bearer(this.staff))
      .send({ cardNumber, name: `Patron ${cardNumber}`, birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false, ...extra })
      .expect(201);
  }

  /** A title with one copy per location given (all loanable). */
  async titleWithCopies(titleId: string, locationIds: string[], materialType = 'book') {
    await this.title(titleId, materialType);
    for (const [index, locationId] of locationIds.entries()) await this.copy(`${titleId}-c${index + 1}`, titleId, locationId);
  }

  /**
   * A title whose only copy is on loan to `lenderCard`: holdable online under both presets (Library B refuses
   * online holds while a copy is on the shelf, R9).
   */
  async titleOnLoan(titleId: string, locationId: string, lenderCard: string, materialType = 'book') {
    await this.title(titleId, materialType);
    await this.copy(`${titleId}-c1`, titleId, locationId);
    await this.checkout(`${titleId}-c1`, lenderCard);
  }

  /** The patron's online hold request; the test checks the answer. */
  placeHold(token: string, titleId: string, pickupLocationId: string, contactMethod = 'none') {
    return this.app.http().post('/me/holds').set(bearer(token)).send({ titleId, pickupLocationId, contactMethod });
  }

  /** A hold placed for the patron at the counter (R7: it counts toward the limit). */
  counterHold(cardNumber: string, titleId: string, pickupLocationId: string, contactMethod = 'phone') {
    return this.app.http().post('/staff/holds').set(bearer(this.staff)).send({ cardNumber, titleId, pickupLocationId, contactMethod });
  }

  async registerEmail(token: string, email: string) {
    await this.app.http().put('/me/email').set(bearer(token)).send({ email }).expect(204);
  }

  /** A staff account with the given roles, logged in. */
  async staffMember(staffId: string, roles: ('admin' | 'circulation' | 'auditor')[], password = 'staff-password') {
    await this.app
      .http()
      .post('/staff/accounts')
      .set(bearer(this.staff))
      .send({ staffId, name: `Staff ${staffId}`, roles, password })
      .expect(201);
    return staffToken(this.app, staffId, password);
  }

  async holdHistory(holdId: string): Promise<{ type: string; data: Record<string, unknown>; reason: string | null }[]> {
    return (await this.app.http().get(`/staff/holds/${holdId}/history`).set(bearer(this.staff)).expect(200)).body.items;
  }

  async patronHistory(cardNumber: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    return (await this.app.http().get(`/staff/patrons/${cardNumber}/history`).set(bearer(this.staff)).expect(200)).body.items;
  }
}

export { bearer };

/** The app's own event store, to read what a request appended (I6) or check it appended nothing (I8). */
export function eventStoreOf(app: TestApp): EventStore {
  return app.app.get<symbol, EventStore>(EVENT_STORE);
}

export function headPosition(app: TestApp): Promise<bigint> {
  return eventStoreOf(app).headPosition();
}

/** Every event appended after `position`, in the global order. */
export function eventsAfter(app: TestApp, position: bigint): Promise<RecordedEvent[]> {
  return eventStoreOf(app).readAll({ after: position });
}

/** The test run's own redis-server (test/support/test-redis.ts), never the Redis on 6379. */
export const REDIS_URL = testRedisUrl();

/**
 * Where the app keeps its read models (and, with Redis configured, its throttle, idempotency keys and
 * checkpoints): suites run once per mode. Each Redis run gets its own key prefix; call `cleanup` after it.
 */
export interface ReadModelMode {
  name: 'memory' | 'redis';
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

let redisRuns = 0;

export function readModelModes(): [string, () => ReadModelMode][] {
  return [
    ['memory', () => ({ name: 'memory', env: { READ_MODEL_STORE: 'memory' }, cleanup: async () => undefined })],
    ['redis', () => redisMode()],
  ];
}

export function redisMode(): ReadModelMode {
  redisRuns += 1;
  const prefix = `test:e2e:${process.pid}:${Date.now()}:${redisRuns}:`;
  return {
    name: 'redis',
    env: { READ_MODEL_STORE: 'redis', REDIS_URL, REDIS_KEY_PREFIX: prefix },
    cleanup: () => deleteRedisKeys(prefix),
  };
}

/** Deletes every key under a test's own prefix (never anything else). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** An app on the given read-model mode and the shared fixture logged in to it; `close` stops the app, then drops the mode's keys. */
export interface LibraryRun {
  app: TestApp;
  library: LibraryFixture;
  close(): Promise<void>;
}

export async function startLibrary(readModels: ReadModelMode): Promise<LibraryRun> {
  const app = await startTestApp({ env: readModels.env });
  const close = async () => {
    await app.close();
    await readModels.cleanup();
  };
  try {
    return { app, library: await LibraryFixture.create(app), close };
  } catch (error) {
    await close();
    throw error;
  }
}
