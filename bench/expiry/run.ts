/**
 * Expiry benchmark: how long the sweep takes to expire N due ready holds and hand each copy to the patron waiting
 * next, on the embedded lmdb store, beside the raw append rate of the same store measured in the same run with as
 * many concurrent callers as the sweep has lanes. Both with the in-memory read models following the log live, as in
 * `npm start`.
 *
 *   npm run bench:expiry            (node -r ./scripts/ts-register.js bench/expiry/run.ts)
 *   BENCH_HOLDS=20000 npm run bench:expiry
 *
 * Writes bench/results/expiry.json.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { addDays, pickupDeadline, type DomainEvent, type LocationCalendar } from '@libs/domain';
import { LmdbEventStore, type NewEvent } from '@libs/event-store';
import { AdjustableClock, loadConfig } from '@libs/platform';
import { operatorModule } from '../../libs/application/src/operator-module';
import { ExpirySweep, SWEEP_LANES } from '../../libs/application/src/expiry/expiry-sweep';
import { wasSkipped } from '../../libs/application/src/expiry/sweep-report';
import { appendInBulk } from '../../libs/projections/test-support/append-events';
import { events as e } from '../../libs/projections/test-support/domain-events';
import { round } from '../stats';

const dueHolds = Number(process.env.BENCH_HOLDS ?? 100_000);
const rawAppends = Number(process.env.BENCH_RAW_APPENDS ?? 20_000);
const holdsPerPatron = 10;
const locationIds = ['central', 'east', 'west'];
/** Closed on Mondays, like most Japanese public libraries. */
const calendar: LocationCalendar = {
  weeklyClosedDays: [1],
  closedDates: [],
  closedRanges: [],
  closedOnNationalHolidays: false,
  closedDayAfterNationalHoliday: false,
};
/** Notices over the week of 2027-01-04; the last one's window ends 01-20, so on 01-25 every hold is due. */
const firstNoticeDay = '2027-01-04';
const sweepAt = '2027-01-25T00:05:00+09:00';

/**
 * A library with `holds` ready holds past their window, one per title, each title with one more patron waiting:
 * every expiry hands its copy on. Each patron holds ten (the limit), spread over the titles.
 */
function libraryWithDueHolds(holds: number): DomainEvent[] {
  const patrons = Math.ceil((2 * holds) / holdsPerPatron);
  const cardOf = (hold: number) => String(100_000_000 + (hold % patrons));
  const claims = new Map<string, DomainEvent[]>();
  const titles: DomainEvent[] = [];
  for (let i = 0; i < holds; i++) {
    const titleId = `T${i}`;
    const copyId = `C${i}`;
    const locationId = locationIds[i % locationIds.length];
    const noticeDay = addDays(firstNoticeDay, i % 5);
    const [due, next] = [`H${i}-due`, `H${i}-next`];
    const [dueCard, nextCard] = [cardOf(2 * i), cardOf(2 * i + 1)];
    titles.push(
      e.titleCatalogued(titleId),
      e.copyAdded(titleId, copyId, locationId),
      e.holdPlaced(titleId, due, dueCard, locationId, 'none'),
      e.holdPlaced(titleId, next, nextCard, locationId, 'none'),
      e.holdReady(titleId, due, dueCard, copyId, locationId, noticeDay, { contactMethod: 'none', lastPickupDay: pickupDeadline(noticeDay, 10, calendar) }),
    );
    for (const [holdId, cardNumber] of [
      [due, dueCard],
      [next, nextCard],
    ]) {
      const ledger = claims.get(cardNumber) ?? [e.patronRegistered(cardNumber)];
      ledger.push({ type: 'HoldSlotClaimed', data: { cardNumber, holdId, titleId } });
      claims.set(cardNumber, ledger);
    }
  }
  const locations = locationIds.flatMap((locationId) => [e.locationRegistered(locationId), e.calendarChanged(locationId, calendar)]);
  return [...locations, ...[...claims.values()].flat(), ...titles];
}

/** Single-event appends to fresh streams, `callers` at a time, each caller waiting for its append: what a sweep lane does. */
async function rawAppendRate(store: LmdbEventStore, appends: number, callers: number): Promise<number> {
  const event = (): NewEvent => ({
    id: randomUUID(),
    type: 'BenchAppend',
    data: { holdId: randomUUID(), note: 'raw append, same size class as a PickupExpired' },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { kind: 'system', id: 'bench' }, occurredAt: new Date().toISOString() },
  });
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (issued < appends) {
        issued += 1;
        await store.append(`bench-raw-${randomUUID()}`, [event()], 'no_stream');
      }
    }),
  );
  return appends / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'bench-expiry-'));
  const store = await LmdbEventStore.open({ path: join(directory, 'events') });
  const clock = new AdjustableClock('2027-01-09T10:00:00+09:00');
  try {
    const library = libraryWithDueHolds(dueHolds);
    console.log(`seeding ${library.length} events (${dueHolds} due ready holds, each with a patron waiting next)…`);
    let started = performance.now();
    await appendInBulk(store, library);
    const seedSeconds = (performance.now() - started) / 1000;

    // The app as `npm start` has it, minus HTTP, the reactors and the schedule: read models in memory, following the log.
    const config = loadConfig({ DATA_DIR: directory, READ_MODEL_STORE: 'memory', LOG_LEVEL: 'silent', LIBRARY_POLICY: 'library-b' });
    started = performance.now();
    const app = await NestFactory.createApplicationContext(operatorModule({ config, clock, logger: pino({ level: 'silent' }), eventStore: store }), {
      logger: false,
    });
    const catchUpSeconds = (performance.now() - started) / 1000;
    console.log(`read models caught up with the log in ${round(catchUpSeconds)} s`);
    try {
      // Before and after the sweep: a shared disk's flush times drift over minutes.
      const rawBefore = await rawAppendRate(store, rawAppends, SWEEP_LANES);
      console.log(`raw appends before the sweep, ${SWEEP_LANES} callers: ${round(rawBefore)} appends/s`);

      const sweep = app.get(ExpirySweep);
      clock.set(sweepAt);
      const headBefore = await store.headPosition();
      started = performance.now();
      const outcome = await sweep.sweep();
      const sweepSeconds = (performance.now() - started) / 1000;
      if (wasSkipped(outcome)) throw new Error('the sweep was skipped');
      const appended = Number((await store.headPosition()) - headBefore);
      const handedOn = outcome.expired.filter((hold) => hold.handedOnTo?.status === 'ready').length;
      // Each hold: one title append (PickupExpired + HoldReady for the next patron) and one patron append (HoldSlotReleased).
      if (outcome.expired.length !== dueHolds || handedOn !== dueHolds || appended !== 3 * dueHolds) {
        throw new Error(
          `expected ${dueHolds} expiries each handing its copy on (${3 * dueHolds} events); got ${outcome.expired.length} expired, ${handedOn} handed on, ${appended} events`,
        );
      }
      const left = await sweep.due();
      if (left.holds.length !== 0) throw new Error(`${left.holds.length} holds still due after the sweep`);
      const again = await sweep.sweep();
      if (wasSkipped(again) || again.expired.length !== 0) throw new Error('a second sweep expired something again');

      const rawAfter = await rawAppendRate(store, rawAppends, SWEEP_LANES);
      console.log(`raw appends after the sweep, ${SWEEP_LANES} callers: ${round(rawAfter)} appends/s`);
      const rawAppendsPerSecond = (rawBefore + rawAfter) / 2;

      const appendsPerSecond = (2 * dueHolds) / sweepSeconds;
      console.log(`sweep: ${dueHolds} holds in ${round(sweepSeconds)} s (${round(dueHolds / sweepSeconds)} holds/s, ${round(appendsPerSecond)} appends/s)`);
      const result = {
        benchmark: 'expiry',
        date: new Date().toISOString(),
        node: process.version,
        cpus: { count: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
        eventStore: 'lmdb (embedded, same process, durable commit per transaction)',
        readModels: 'in memory, following the log live during the sweep',
        dueHolds,
        seededEvents: library.length,
        seedSeconds: round(seedSeconds),
        readModelCatchUpSeconds: round(catchUpSeconds),
        sweep: {
          lanes: SWEEP_LANES,
          seconds: round(sweepSeconds),
          holdsPerSecond: round(dueHolds / sweepSeconds),
          appendsPerSecond: round(appendsPerSecond),
          eventsPerSecond: round(appended / sweepSeconds),
          expired: outcome.expired.length,
          copiesHandedOn: handedOn,
        },
        rawAppend: {
          callers: SWEEP_LANES,
          appends: rawAppends,
          eventsPerAppend: 1,
          appendsPerSecondBeforeSweep: round(rawBefore),
          appendsPerSecondAfterSweep: round(rawAfter),
          appendsPerSecond: round(rawAppendsPerSecond),
        },
        sweepShareOfRawAppendRate: round(appendsPerSecond / rawAppendsPerSecond, 2),
        notes:
          'Per hold the sweep reads the title, the location calendars and the patron ledger, decides ExpirePickup (PickupExpired + HoldReady for the next patron in one append) and releases the slot (a second append). Raw appends: one event to a new stream per append, as many callers as the sweep has lanes, in the same process and run, just before and just after the sweep; the share uses their mean.',
      };
      mkdirSync(join(__dirname, '../results'), { recursive: true });
      writeFileSync(join(__dirname, '../results/expiry.json'), `${JSON.stringify(result, null, 2)}\n`);
      console.log('wrote bench/results/expiry.json');
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
