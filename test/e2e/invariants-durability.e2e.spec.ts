import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { streamIds } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';
import { bearer, eventsAfter, eventStoreOf, headPosition, staffToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

type Call = (app: TestApp) => request.Test;

interface Step {
  name: string;
  call: Call;
  /** Event types the command appends, in order. */
  appends: string[];
  /**
   * The hold that ended, whose slot is released: by the command itself, or already by the hold-slot reaction that
   * follows the log (then the command's own release decides nothing). Either way it is in the store at the 2xx.
   */
  releasesSlotOf?: () => { cardNumber: string; holdId: string };
  /** What the read side shows right after the 2xx (no `?after=`: the query itself waits for the head). */
  visible: (app: TestApp) => Promise<void>;
}

const CARD = '100000001';
const LENDER = '100000002';
const PASSWORD = 'first-password';

/**
 * I6: a 2xx answer means the command's events are in the event store, under the request's correlation id, with
 * X-Event-Position naming the last of them; the read models show them at once; and they survive a restart
 * (the in-memory read models rebuilt from the log show the same lists).
 */
describe('I6: every accepted command is durable and visible', () => {
  let dataDir: string;
  let app: TestApp;
  let staff: string;
  let patron: string;
  const holdIds: string[] = [];
  const seen: RecordedEvent[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-i6-'));
    app = await startTestApp({ dataDir });
    staff = await staffToken(app);
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, token = staff) => (await app.http().get(path).set(bearer(token)).expect(200)).body;
  const login = async () => {
    patron = (await app.http().post('/auth/login').send({ cardNumber: CARD, password: PASSWORD }).expect(200)).body.accessToken;
  };

  const steps: Step[] = [
    {
      name: 'register a location',
      call: (a) => a.http().post('/staff/locations').set(bearer(staff)).send({ locationId: 'central', name: 'Central' }),
      appends: ['LocationRegistered'],
      visible: async () => expect((await get('/staff/locations')).items).toContainEqual(expect.objectContaining({ locationId: 'central' })),
    },
    {
      name: 'close the location on New Year’s Eve',
      call: (a) =>
        a
          .http()
          .put('/staff/locations/central/calendar')
          .set(bearer(staff))
          .send({ weeklyClosedDays: [], closedDates: ['2026-12-31'], closedRanges: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false }),
      appends: ['CalendarChanged'],
      visible: async () =>
        expect((await get('/staff/locations')).items).toContainEqual(
          expect.objectContaining({ locationId: 'central', calendar: expect.objectContaining({ closedDates: ['2026-12-31'] }) }),
        ),
    },
    {
      name: 'catalogue a title',
      call: (a) => a.http().post('/staff/titles').set(bearer(staff)).send({ titleId: 'T-1', name: 'Title one', materialType: 'book' }),
      appends: ['TitleCatalogued'],
      visible: async () => expect(await get('/staff/titles/T-1')).toMatchObject({ titleId: 'T-1' }),
    },
    {
      name: 'add a copy',
      call: (a) => a.http().post('/staff/copies').set(bearer(staff)).send({ copyId: 'C-1', titleId: 'T-1', locationId: 'central', loanable: true }),
      appends: ['CopyRegistered', 'CopyAdded'],
      visible: async () => expect((await get('/staff/titles/T-1')).copies).toEqual([expect.objectContaining({ copyId: 'C-1' })]),
    },
    {
      name: 'register a patron',
      call: (a) =>
        a
          .http()
          .post('/staff/patrons')
          .set(bearer(staff))
          .send({ cardNumber: CARD, name: 'Hanako', birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false }),
      appends: ['PatronRegistered'],
      visible: async () => expect(await get(`/staff/patrons/${CARD}`)).toMatchObject({ cardNumber: CARD, passwordIssued: false }),
    },
    {
      name: 'register the lender',
      call: (a) =>
        a
          .http()
          .post('/staff/patrons')
          .set(bearer(staff))
          .send({ cardNumber: LENDER, name: 'Taro', birthDate: '1980-01-01', cardExpiresOn: '2030-03-31', wideArea: false }),
      appends: ['PatronRegistered'],
      visible: async () => expect(await get(`/staff/patrons/${LENDER}`)).toMatchObject({ cardNumber: LENDER }),
    },
    {
      name: 'issue the password',
      call: (a) => a.http().post(`/staff/patrons/${CARD}/password`).set(bearer(staff)).send({ password: PASSWORD }),
      appends: ['PasswordSet'],
      visible: async () => {
        await login();
        expect(await get(`/staff/patrons/${CARD}`)).toMatchObject({ passwordIssued: true });
      },
    },
    {
      name: 'lend the copy',
      call: (a) => a.http().post('/staff/checkouts').set(bearer(staff)).send({ copyId: 'C-1', cardNumber: LENDER }),
      appends: ['CopyCheckedOut'],
      visible: async () => expect((await get(`/staff/patrons/${LENDER}`)).loans).toEqual([expect.objectContaining({ copyId: 'C-1' })]),
    },
    {
      name: 'register an e-mail address',
      call: (a) => a.http().put('/me/email').set(bearer(patron)).send({ email: 'hanako@example.jp' }),
      appends: ['EmailRegistered'],
      visible: async () => expect(await get('/me', patron)).toMatchObject({ email: 'hanako@example.jp' }),
    },
    {
      name: 'place a hold',
      call: (a) => a.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'email' }),
      appends: ['HoldSlotClaimed', 'HoldPlaced'],
      visible: async () => {
        const items = (await get('/me/holds', patron)).items;
        expect(items).toEqual([expect.objectContaining({ titleId: 'T-1', status: 'waiting' })]);
        holdIds.push(items[0].holdId);
      },
    },
    {
      name: 'check the copy in',
      call: (a) => a.http().post('/staff/checkins').set(bearer(staff)).send({ copyId: 'C-1', locationId: 'central' }),
      appends: ['CopyReturned', 'HoldReady'],
      visible: async () => expect((await get('/me/holds/ready', patron)).items).toEqual([expect.objectContaining({ holdId: holdIds[0] })]),
    },
    {
      name: 'record a call',
      call: (a) => a.http().post(`/staff/holds/${holdIds[0]}/contacts`).set(bearer(staff)).send({ outcome: 'no-answer' }),
      appends: ['PatronContacted'],
      visible: async () => expect((await get(`/staff/holds/${holdIds[0]}/history`)).items.at(-1)).toMatchObject({ type: 'PatronContacted' }),
    },
    {
      name: 'the patron picks it up',
      call: (a) => a.http().post('/staff/checkouts').set(bearer(staff)).send({ copyId: 'C-1', cardNumber: CARD }),
      appends: ['CopyCheckedOut', 'HoldFulfilled'],
      releasesSlotOf: () => ({ cardNumber: CARD, holdId: holdIds[0] }),
      visible: async () => {
        expect((await get('/me/loans', patron)).items).toEqual([expect.objectContaining({ copyId: 'C-1' })]);
        expect((await get('/me/holds/ready', patron)).items).toEqual([]);
      },
    },
    {
      name: 'a counter hold',
      call: (a) =>
        a.http().post('/staff/holds').set(bearer(staff)).send({ cardNumber: LENDER, titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'phone' }),
      appends: ['HoldSlotClaimed', 'HoldPlaced'],
      visible: async () => {
        const holds = (await get(`/staff/patrons/${LENDER}`)).holds;
        expect(holds).toEqual([expect.objectContaining({ titleId: 'T-1' })]);
        holdIds.push(holds[0].holdId);
      },
    },
    {
      name: 'staff cancel it',
      call: (a) => a.http().delete(`/staff/holds/${holdIds[1]}`).set(bearer(staff)).send({ reason: 'Asked by phone' }),
      appends: ['HoldCancelled'],
      releasesSlotOf: () => ({ cardNumber: LENDER, holdId: holdIds[1] }),
      visible: async () => expect((await get(`/staff/patrons/${LENDER}`)).holds).toEqual([]),
    },
    {
      name: 'renew the card',
      call: (a) => a.http().post(`/staff/patrons/${CARD}/renewal`).set(bearer(staff)).send({ cardExpiresOn: '2031-03-31' }),
      appends: ['CardRenewed'],
      visible: async () => expect(await get('/me', patron)).toMatchObject({ cardExpiresOn: '2031-03-31' }),
    },
    {
      name: 'change the password',
      call: (a) => a.http().put('/me/password').set(bearer(patron)).send({ currentPassword: PASSWORD, newPassword: 'second-password' }),
      appends: ['PasswordSet'],
      visible: async (a) => {
        await a.http().post('/auth/login').send({ cardNumber: CARD, password: 'second-password' }).expect(200);
      },
    },
    {
      name: 'create a staff account',
      call: (a) =>
        a
          .http()
          .post('/staff/accounts')
          .set(bearer(staff))
          .send({ staffId: 'auditor1', name: 'Auditor', roles: ['auditor'], password: 'auditor-password' }),
      appends: ['StaffAccountCreated'],
      visible: async (a) => {
        await a.http().post('/staff/auth/login').send({ staffId: 'auditor1', password: 'auditor-password' }).expect(200);
      },
    },
  ];

  it.each(steps.map((step, index) => [index + 1, step.name, step] as const))(
    '%i. %s: 2xx, its events are in the store, and the read side shows it',
    async (_index, _name, step) => {
      const correlationId = `i6-${steps.indexOf(step)}-${Date.now()}`;
      const before = await headPosition(app);
      const answer = await step.call(app).set('X-Correlation-Id', correlationId);
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(300);

      const position = BigInt(answer.headers['x-event-position']);
      const mine = (await eventsAfter(app, before)).filter((event) => event.metadata.correlationId === correlationId && event.position <= position);
      expect(mine.at(-1)?.position).toBe(position);
      const released = step.releasesSlotOf?.();
      if (released) {
        const patronStream = await eventStoreOf(app).readStream(streamIds.patron(released.cardNumber));
        expect(patronStream.filter((event) => event.type === 'HoldSlotReleased' && (event.data as { holdId: string }).holdId === released.holdId)).toHaveLength(
          1,
        );
      }
      expect(mine.map((event) => event.type).filter((type) => !released || type !== 'HoldSlotReleased')).toEqual(step.appends);
      for (const event of mine) {
        expect(event.metadata.actor).toEqual(expect.objectContaining({ kind: expect.stringMatching(/^(staff|patron)$/) }));
        expect(await eventStoreOf(app).readStream(event.streamId)).toContainEqual(expect.objectContaining({ id: event.id }));
      }
      seen.push(...mine);
      await step.visible(app);
    },
  );

  it('after a restart on the same data directory every accepted event is still there, and the rebuilt read models agree', async () => {
    const lists = async () => ({
      holds: await get('/me/holds', patron),
      ready: await get('/me/holds/ready', patron),
      loans: await get('/me/loans', patron),
      patron: await get(`/staff/patrons/${CARD}`),
      lender: await get(`/staff/patrons/${LENDER}`),
      title: await get('/staff/titles/T-1'),
      locations: await get('/staff/locations'),
    });
    const before = await lists();
    await app.close();

    app = await startTestApp({ dataDir });
    staff = await staffToken(app);
    patron = (await app.http().post('/auth/login').send({ cardNumber: CARD, password: 'second-password' }).expect(200)).body.accessToken;
    const stored = await eventStoreOf(app).readAll();
    const storedIds = new Set(stored.map((event) => event.id));
    for (const event of seen) expect(storedIds.has(event.id)).toBe(true);
    expect(await lists()).toEqual(before);
  });
});
