import type { DomainEvent } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { appendEvents } from '../../test-support/append-events';
import { events as e } from '../../test-support/domain-events';
import { openTestEventStore, type TestEventStore } from '../../test-support/lmdb-event-store';
import { storeKinds, type StoreFixture } from '../../test-support/stores';
import { ProjectionRunner } from '../runner/projection-runner';
import type { ReadModelStore } from '../store/read-model-store';
import { callList } from './holds/call-list';
import { clearanceList } from './hold-shelf-copies/clearance-list';
import { holdIndex } from './holds/hold-index';
import { holdShelf } from './holds/hold-shelf';
import { patronByCard } from './patron-directory/patron-by-card';
import { patronHolds } from './holds/patron-holds';
import { patronLoans } from './loans/patron-loans';
import { patronReadyHolds } from './holds/patron-ready-holds';
import { pickupLocations } from './locations/pickup-locations';
import { pullList } from './titles/pull-list';
import { dueReadyHolds, readyHolds } from './holds/ready-holds';
import { titleInfo, titleQueue } from './titles/title-queue';

// 2026-04-01 is a Wednesday. The main library closes on Mondays; national holidays are ignored here.
const mondaysClosed = { weeklyClosedDays: [1] };
const library: DomainEvent[] = [
  e.locationRegistered('main', 'Main library'),
  e.calendarChanged('main', mondaysClosed),
  e.locationRegistered('east', 'East branch room'),
  e.titleCatalogued('kokoro', 'Kokoro'),
  e.copyAdded('kokoro', 'kokoro-1', 'main'),
  e.copyAdded('kokoro', 'kokoro-2', 'east'),
  e.titleCatalogued('sanshiro', 'Sanshiro'),
  e.copyAdded('sanshiro', 'sanshiro-1', 'main'),
  ...['c1', 'c2', 'c3', 'c4'].map((card) => e.patronRegistered(card, `Patron ${card}`)),
  e.emailRegistered('c1', 'c1@example.jp'),
];

describe.each(storeKinds)('patron and staff queries over the %s store', (_kind, open) => {
  let fixture: StoreFixture;
  let store: ReadModelStore;
  let logStore: TestEventStore;
  let eventStore: EventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
    logStore = await openTestEventStore();
    eventStore = logStore.eventStore;
    runner = new ProjectionRunner({ eventStore, store, retryDelayMs: 0 });
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await logStore.dispose();
    await fixture.close();
  });

  /** Appends and waits until the read models have it: read-your-writes. */
  async function given(...domainEvents: DomainEvent[]): Promise<void> {
    const position = await appendEvents(eventStore, domainEvents);
    expect(await runner.waitForPosition(position, 10_000)).toBe(true);
  }

  it('loan list: due dates, and overdue decided against today (R21)', async () => {
    await given(
      ...library,
      e.copyCheckedOut('kokoro', 'kokoro-1', 'c1', 'main', '2026-04-15'),
      e.copyCheckedOut('sanshiro', 'sanshiro-1', 'c1', 'main', '2026-04-10'),
    );
    expect(await patronLoans(store, 'c1', '2026-04-10')).toEqual([
      { copyId: 'sanshiro-1', titleId: 'sanshiro', titleName: 'Sanshiro', dueOn: '2026-04-10', overdue: false },
      { copyId: 'kokoro-1', titleId: 'kokoro', titleName: 'Kokoro', dueOn: '2026-04-15', overdue: false },
    ]);
    expect((await patronLoans(store, 'c1', '2026-04-11')).map((loan) => loan.overdue)).toEqual([true, false]);

    await given(e.copyReturned('sanshiro', 'sanshiro-1', 'c1', 'east'));
    expect((await patronLoans(store, 'c1', '2026-04-11')).map((loan) => loan.copyId)).toEqual(['kokoro-1']);
    expect(await patronLoans(store, 'c2', '2026-04-11')).toEqual([]);
  });

  it('hold list: queue positions move up when an earlier hold is cancelled (R22)', async () => {
    await given(
      ...library,
      e.copyCheckedOut('kokoro', 'kokoro-1', 'c4', 'main', '2026-04-15'),
      e.copyCheckedOut('kokoro', 'kokoro-2', 'c4', 'east', '2026-04-15'),
      e.holdPlaced('kokoro', 'h1', 'c1', 'main'),
      e.holdPlaced('kokoro', 'h2', 'c2', 'main', 'phone'),
      e.holdPlaced('kokoro', 'h3', 'c3', 'east'),
    );
    expect(await titleQueue(store, 'kokoro')).toEqual(['h1', 'h2', 'h3']);
    expect(await patronHolds(store, 'c3')).toEqual([
      {
        holdId: 'h3',
        titleId: 'kokoro',
        titleName: 'Kokoro',
        status: 'waiting',
        pickupLocationId: 'east',
        contactMethod: 'email',
        placedAt: expect.any(String),
        queuePosition: 3,
        queueLength: 3,
      },
    ]);

    await given(e.holdCancelled('kokoro', 'h1', 'c1', 'waiting'));
    expect(await titleQueue(store, 'kokoro')).toEqual(['h2', 'h3']);
    expect(await patronHolds(store, 'c2')).toMatchObject([{ holdId: 'h2', queuePosition: 1, queueLength: 2 }]);
    expect(await patronHolds(store, 'c3')).toMatchObject([{ holdId: 'h3', queuePosition: 2, queueLength: 2 }]);
    expect(await patronHolds(store, 'c1')).toEqual([]);
    expect(await holdIndex(store, 'h1')).toEqual({ holdId: 'h1', titleId: 'kokoro', cardNumber: 'c1', status: 'cancelled' });

    await given(e.copyReturned('kokoro', 'kokoro-2', 'c4', 'east'), e.holdInTransit('kokoro', 'h2', 'c2', 'kokoro-2', 'east', 'main'));
    expect(await patronHolds(store, 'c2')).toMatchObject([{ holdId: 'h2', status: 'in-transit', queuePosition: null }]);
    expect(await patronHolds(store, 'c3')).toMatchObject([{ holdId: 'h3', queuePosition: 1, queueLength: 1 }]);
    expect(await titleInfo(store, 'kokoro')).toMatchObject({
      copies: [
        { copyId: 'kokoro-1', status: 'on-loan' },
        { copyId: 'kokoro-2', status: 'in-transit', locationId: 'main' },
      ],
    });
  });

  it('ready list: the last pickup day follows the location calendar as it is now (R23, R30)', async () => {
    await given(
      ...library,
      e.holdPlaced('kokoro', 'h1', 'c1', 'main'),
      e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-01', { pickupOpenDays: 10, lastPickupDay: '2026-04-12' }),
    );
    const ready = {
      holdId: 'h1',
      titleId: 'kokoro',
      titleName: 'Kokoro',
      copyId: 'kokoro-1',
      pickupLocationId: 'main',
      pickupLocationName: 'Main library',
      noticeDay: '2026-04-01',
      pickupOpenDays: 10,
    };
    // Ten open days after Wed 1 April, Monday 6 closed: Sun 12 April.
    expect(await patronReadyHolds(store, 'c1')).toEqual([{ ...ready, lastPickupDay: '2026-04-12' }]);
    expect(await patronHolds(store, 'c1')).toEqual([]);

    // A storm closes Wed 8 April after the notice: the window runs to Tue 14 April (Mon 13 closed).
    await given(e.calendarChanged('main', { ...mondaysClosed, closedDates: ['2026-04-08'] }));
    expect(await patronReadyHolds(store, 'c1')).toEqual([{ ...ready, lastPickupDay: '2026-04-14' }]);
    expect((await holdShelf(store, 'main')).items).toMatchObject([{ holdId: 'h1', lastPickupDay: '2026-04-14' }]);
    expect(await dueReadyHolds(store, '2026-04-14')).toEqual([]);
    expect(await dueReadyHolds(store, '2026-04-15')).toMatchObject([{ holdId: 'h1', lastPickupDay: '2026-04-14' }]);
  });

  it('expiry sweep: every ready hold with its window inputs, and the ones due today by each current calendar (R18)', async () => {
    await given(
      ...library,
      e.holdPlaced('kokoro', 'h1', 'c1', 'main'),
      e.holdPlaced('kokoro', 'h2', 'c2', 'east'),
      e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-01'),
      e.holdReady('kokoro', 'h2', 'c2', 'kokoro-2', 'east', '2026-04-01'),
    );
    expect(await readyHolds(store, { limit: 1 })).toEqual({
      items: [{ holdId: 'h1', titleId: 'kokoro', cardNumber: 'c1', copyId: 'kokoro-1', pickupLocationId: 'main', noticeDay: '2026-04-01', pickupOpenDays: 10 }],
      total: 2,
      offset: 0,
      limit: 1,
    });
    // east has no calendar: open every day, so its window ends on Sat 11 April and it is due on the 12th.
    expect((await dueReadyHolds(store, '2026-04-11')).map((hold) => hold.holdId)).toEqual([]);
    expect((await dueReadyHolds(store, '2026-04-12')).map((hold) => hold.holdId)).toEqual(['h2']);
    expect((await dueReadyHolds(store, '2026-04-14')).map((hold) => hold.holdId)).toEqual(['h1', 'h2']);

    await given(e.pickupExpired('kokoro', 'h2', 'c2', 'kokoro-2', 'east', '2026-04-11', '2026-04-12'));
    expect((await dueReadyHolds(store, '2026-04-14')).map((hold) => hold.holdId)).toEqual(['h1']);
    expect((await pickupLocations(store)).map((location) => location.locationId)).toEqual(['east', 'main']);
  });

  it('hold shelf: sorted by last pickup day, paged', async () => {
    await given(
      ...library,
      e.titleCatalogued('botchan', 'Botchan'),
      e.copyAdded('botchan', 'botchan-1', 'main'),
      e.holdPlaced('kokoro', 'h1', 'c1', 'main'),
      e.holdPlaced('sanshiro', 'h2', 'c2', 'main'),
      e.holdPlaced('botchan', 'h3', 'c3', 'main'),
      e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-03'),
      e.holdReady('sanshiro', 'h2', 'c2', 'sanshiro-1', 'main', '2026-04-01', { pickupOpenDays: 7 }),
      e.holdReady('botchan', 'h3', 'c3', 'botchan-1', 'main', '2026-04-01'),
    );
    const shelf = await holdShelf(store, 'main', { offset: 0, limit: 2 });
    expect(shelf).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(shelf.items.map((entry) => [entry.holdId, entry.lastPickupDay])).toEqual([
      ['h2', '2026-04-09'],
      ['h3', '2026-04-12'],
    ]);
    expect((await holdShelf(store, 'main', { offset: 2, limit: 2 })).items.map((entry) => [entry.holdId, entry.lastPickupDay])).toEqual([['h1', '2026-04-15']]);
    expect(await holdShelf(store, 'east')).toMatchObject({ items: [], total: 0 });
  });

  it('clearance list: copies of expired and cancelled ready holds until the shelf is cleared (I4)', async () => {
    await given(
      ...library,
      e.holdPlaced('kokoro', 'h1', 'c1', 'main'),
      e.holdPlaced('sanshiro', 'h2', 'c2', 'main'),
      e.holdPlaced('kokoro', 'h3', 'c3', 'east'),
      e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-01'),
      e.holdReady('sanshiro', 'h2', 'c2', 'sanshiro-1', 'main', '2026-04-01'),
      e.holdReady('kokoro', 'h3', 'c3', 'kokoro-2', 'east', '2026-04-01'),
      e.pickupExpired('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-12', '2026-04-14'),
      e.holdCancelled('sanshiro', 'h2', 'c2', 'ready', 'sanshiro-1', 'staff'),
      e.holdFulfilled('kokoro', 'h3', 'c3', 'kokoro-2'),
    );
    const list = await clearanceList(store, 'main');
    expect(list.items.map(({ holdId, copyId, titleName, reason }) => ({ holdId, copyId, titleName, reason }))).toEqual([
      { holdId: 'h1', copyId: 'kokoro-1', titleName: 'Kokoro', reason: 'expired' },
      { holdId: 'h2', copyId: 'sanshiro-1', titleName: 'Sanshiro', reason: 'cancelled' },
    ]);
    expect(await clearanceList(store, 'east')).toMatchObject({ total: 0 });
    expect(await holdShelf(store, 'main')).toMatchObject({ total: 0 });

    await given(e.holdShelfCleared('kokoro', 'kokoro-1', 'h1', 'main'));
    expect((await clearanceList(store, 'main')).items.map((entry) => entry.holdId)).toEqual(['h2']);
  });

  it('pull list: copies on the open shelf of titles with waiting holds (R8)', async () => {
    await given(...library, e.holdPlaced('kokoro', 'h1', 'c1', 'main'), e.holdPlaced('kokoro', 'h2', 'c2', 'main'));
    expect(await pullList(store, 'main')).toEqual({
      items: [{ titleId: 'kokoro', titleName: 'Kokoro', waitingHolds: 2, copyIds: ['kokoro-1'] }],
      total: 1,
      offset: 0,
      limit: 1,
    });
    expect((await pullList(store, 'east')).items).toEqual([{ titleId: 'kokoro', titleName: 'Kokoro', waitingHolds: 2, copyIds: ['kokoro-2'] }]);

    await given(e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-01'));
    expect(await pullList(store, 'main')).toMatchObject({ items: [], total: 0 });
    expect((await pullList(store, 'east')).items).toMatchObject([{ waitingHolds: 1 }]);
  });

  it('call list: phone, ring-only and voicemail holds until the patron is reached (R14)', async () => {
    await given(
      ...library,
      e.holdPlaced('kokoro', 'h1', 'c1', 'main', 'phone'),
      e.holdPlaced('sanshiro', 'h2', 'c2', 'main', 'voicemail'),
      e.holdPlaced('kokoro', 'h3', 'c3', 'main', 'email'),
      e.holdReady('kokoro', 'h1', 'c1', 'kokoro-1', 'main', '2026-04-02', { contactMethod: 'phone' }),
      e.holdReady('sanshiro', 'h2', 'c2', 'sanshiro-1', 'main', '2026-04-01', { contactMethod: 'voicemail' }),
      e.holdReady('kokoro', 'h3', 'c3', 'kokoro-2', 'main', '2026-04-01', { contactMethod: 'email' }),
    );
    expect((await callList(store, 'main')).items).toEqual([
      {
        holdId: 'h2',
        cardNumber: 'c2',
        patronName: 'Patron c2',
        titleId: 'sanshiro',
        titleName: 'Sanshiro',
        contactMethod: 'voicemail',
        contactAttempts: 0,
        noticeDay: '2026-04-01',
        lastPickupDay: '2026-04-12',
      },
      {
        holdId: 'h1',
        cardNumber: 'c1',
        patronName: 'Patron c1',
        titleId: 'kokoro',
        titleName: 'Kokoro',
        contactMethod: 'phone',
        contactAttempts: 0,
        noticeDay: '2026-04-02',
        lastPickupDay: '2026-04-14',
      },
    ]);

    await given(e.patronContacted('kokoro', 'h1', 'c1', 'no-answer'), e.patronContacted('sanshiro', 'h2', 'c2', 'left-message'));
    expect((await callList(store, 'main')).items).toMatchObject([{ holdId: 'h1', contactAttempts: 1 }]);
    await given(e.patronContacted('kokoro', 'h1', 'c1', 'called'));
    expect(await callList(store, 'main')).toMatchObject({ items: [], total: 0 });
  });

  it('patron directory: name and e-mail by card number', async () => {
    await given(...library);
    expect(await patronByCard(store, 'c1')).toEqual({ cardNumber: 'c1', name: 'Patron c1', email: 'c1@example.jp', cardExpiresOn: '2030-03-31' });
    expect(await patronByCard(store, 'c2')).toMatchObject({ email: null });
    expect(await patronByCard(store, 'nobody')).toBeUndefined();
  });
});
