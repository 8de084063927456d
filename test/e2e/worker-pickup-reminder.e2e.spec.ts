import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { PickupReminderSweep } from '../../apps/worker/src/reminders/pickup-reminder-sweep';
import { bearer, LibraryFixture } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';
import { mailsOf, startMailApp, STATUS_PAGE, waitForMailOf } from './notifications-harness';

/** The optional pickup reminder, off in both presets: a library that wants it two open days ahead. */
describe('the pickup reminder (custom policy based on library-b)', () => {
  let server: SmtpTestServer;
  let app: TestApp;
  let library: LibraryFixture;
  let policyDir: string;

  const sweep = () => app.app.get(PickupReminderSweep).run();

  /** A ready hold: placed on a title whose copy is on loan, then the copy comes back. */
  async function readyHold(titleId: string, cardNumber: string, email: string, contactMethod: string) {
    await library.title(titleId, 'book', `Title ${titleId}`);
    await library.copy(`${titleId}-c`, titleId, 'central');
    await library.checkout(`${titleId}-c`, '100000001');
    const token = await library.patron(cardNumber);
    await app.http().put('/me/email').set(bearer(token)).send({ email }).expect(204);
    const hold = await app.http().post('/me/holds').set(bearer(token)).send({ titleId, pickupLocationId: 'central', contactMethod }).expect(201);
    await library.checkin(`${titleId}-c`, 'central');
    return hold.body.holdId as string;
  }

  beforeAll(async () => {
    policyDir = await mkdtemp(join(tmpdir(), 'holds-policy-'));
    const policyFile = join(policyDir, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ basedOn: 'library-b', pickupReminderOpenDaysBefore: 2 }));
    server = await SmtpTestServer.start();
    app = await startMailApp(server, { env: { POLICY_FILE: policyFile } });
    library = await LibraryFixture.create(app);
    await library.location('central', '中央図書館');
    await library.patron('100000001');
  });
  afterAll(async () => {
    await app.close();
    await server.stop();
    await rm(policyDir, { recursive: true, force: true });
  });

  it('is scheduled daily at 09:00 in the library time zone; the overdue reminder is not (not a Library B mail)', () => {
    // Every module that imports ScheduleModule.forRoot() has a registry of its own: look through them all.
    const jobs = new Map(app.app.get(SchedulerRegistry, { each: true }).flatMap((registry) => [...registry.getCronJobs()]));
    expect([...jobs.keys()]).toContain('pickup-reminders');
    expect([...jobs.keys()]).not.toContain('overdue-reminders');
    const next = jobs.get('pickup-reminders')?.nextDate().setZone('Asia/Tokyo');
    expect(next?.toFormat('HH:mm')).toBe('09:00');
  });

  it('R18: an e-mail hold ready on 11-23 (last pickup day 12-03) is reminded once, two open days before; phone holds are not', async () => {
    await readyHold('T-mail', '100000002', 'remind@example.jp', 'email');
    await readyHold('T-phone', '100000003', 'phone@example.jp', 'phone');
    await waitForMailOf(server, 'hold-ready', 'remind@example.jp');

    app.clock.set('2026-11-30T01:00:00Z');
    expect(await sweep()).toMatchObject({ day: '2026-11-30', sent: 0, alreadyHandled: 0 });

    app.clock.set('2026-12-01T01:00:00Z');
    expect(await sweep()).toMatchObject({ day: '2026-12-01', sent: 1, errors: 0 });
    const mail = await waitForMailOf(server, 'pickup-reminder', 'remind@example.jp');
    expect(mail.subject).toBe('【Library B】予約資料の取置期限が近づいています');
    expect(mail.text).toContain('資料名：Title T-mail\n受取場所：中央図書館\n取置期限：2026年12月3日(木)');
    expect(mail.text).toContain(STATUS_PAGE);

    expect(await sweep()).toMatchObject({ sent: 0, alreadyHandled: 1 });
    app.clock.set('2026-12-02T01:00:00Z');
    expect(await sweep()).toMatchObject({ sent: 0, alreadyHandled: 1 });
    expect(mailsOf(server, 'pickup-reminder')).toHaveLength(1);
  });

  it('R30: a closure added after the notice moves the reminder with the last pickup day; a collected hold gets none', async () => {
    app.clock.set('2026-12-02T01:00:00Z');
    library = await LibraryFixture.create(app);
    await readyHold('T-late', '100000004', 'closure@example.jp', 'email');
    await readyHold('T-taken', '100000005', 'taken@example.jp', 'email');
    await library.checkout('T-taken-c', '100000005');
    // Ready on 12-02: last pickup day 12-12; closed 12-08..12-10, it moves to 12-15.
    await library.calendar('central', { closedRanges: [{ from: '2026-12-08', to: '2026-12-10' }] });

    app.clock.set('2026-12-10T01:00:00Z');
    expect(await sweep()).toMatchObject({ sent: 0 });
    app.clock.set('2026-12-13T01:00:00Z');
    expect(await sweep()).toMatchObject({ sent: 1 });
    const mail = await waitForMailOf(server, 'pickup-reminder', 'closure@example.jp');
    expect(mail.text).toContain('取置期限：2026年12月15日(火)');
    expect(mailsOf(server, 'pickup-reminder', 'taken@example.jp')).toEqual([]);
  });
});
