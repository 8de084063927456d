import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMail } from '../../libs/notifications/test/parse-mail';
import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const LENDER = '900000001';

/** The life of a hold over HTTP: queue order, ready and in transit, cancelling, and the patron's three lists. */
describe.each(['library-a', 'library-b'] as const)('the life of a hold (%s)', (policy) => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.location('branch');
    await library.location('annex');
    await library.registerOnly(LENDER);
  });
  afterAll(() => app.close());

  const holdsOf = async (token: string) => (await app.http().get('/me/holds').set(bearer(token)).expect(200)).body.items;
  const readyOf = async (token: string) => (await app.http().get('/me/holds/ready').set(bearer(token)).expect(200)).body.items;

  it('R16: copies go to holds first come, first served; the queue positions move up', async () => {
    await library.title('T-FIFO');
    for (const copy of ['c1', 'c2', 'c3']) {
      await library.copy(`T-FIFO-${copy}`, 'T-FIFO', 'central');
      await library.checkout(`T-FIFO-${copy}`, LENDER);
    }
    const patrons = ['100000011', '100000012', '100000013'];
    const tokens: string[] = [];
    const holdIds: string[] = [];
    for (const [index, card] of patrons.entries()) {
      tokens.push(await library.patron(card));
      const placed = await library.placeHold(tokens[index], 'T-FIFO', 'central').expect(201);
      expect(placed.body.queuePosition).toBe(index + 1);
      holdIds.push(placed.body.holdId);
    }
    expect((await holdsOf(tokens[2]))[0]).toMatchObject({ queuePosition: 3, queueLength: 3 });

    const first = await library.checkin('T-FIFO-c2', 'central');
    expect(first.outcome).toMatchObject({ action: 'hold-shelf', holdId: holdIds[0], cardNumber: patrons[0] });
    expect(await holdsOf(tokens[1])).toEqual([expect.objectContaining({ holdId: holdIds[1], queuePosition: 1, queueLength: 2 })]);
    expect(await holdsOf(tokens[2])).toEqual([expect.objectContaining({ holdId: holdIds[2], queuePosition: 2, queueLength: 2 })]);

    const second = await library.checkin('T-FIFO-c1', 'central');
    expect(second.outcome).toMatchObject({ action: 'hold-shelf', holdId: holdIds[1] });
    const third = await library.checkin('T-FIFO-c3', 'central');
    expect(third.outcome).toMatchObject({ action: 'hold-shelf', holdId: holdIds[2] });
    expect((await readyOf(tokens[2]))[0]).toMatchObject({ holdId: holdIds[2], copyId: 'T-FIFO-c3' });
  });

  it('R17: a copy checked in elsewhere goes in transit, stays in transit through other locations, and is ready at the pickup location', async () => {
    const token = await library.patron('100000021');
    await library.titleOnLoan('T-TRANSIT', 'central', LENDER);
    const { body: hold } = await library.placeHold(token, 'T-TRANSIT', 'branch').expect(201);

    const atCentral = await library.checkin('T-TRANSIT-c1', 'central');
    expect(atCentral).toMatchObject({ returned: true, outcome: { action: 'transit', holdId: hold.holdId, toLocationId: 'branch' } });
    expect(await holdsOf(token)).toEqual([expect.objectContaining({ holdId: hold.holdId, status: 'in-transit', queuePosition: null })]);
    expect(await readyOf(token)).toEqual([]);

    const atAnnex = await library.checkin('T-TRANSIT-c1', 'annex');
    expect(atAnnex.outcome).toMatchObject({ action: 'transit', toLocationId: 'branch' });

    const atBranch = await library.checkin('T-TRANSIT-c1', 'branch');
    expect(atBranch.outcome).toEqual({
      action: 'hold-shelf',
      holdId: hold.holdId,
      cardNumber: '100000021',
      pickupLocationId: 'branch',
      lastPickupDay: '2026-12-03',
    });
    expect(await holdsOf(token)).toEqual([]);
    expect(await readyOf(token)).toEqual([
      expect.objectContaining({
        holdId: hold.holdId,
        copyId: 'T-TRANSIT-c1',
        pickupLocationId: 'branch',
        noticeDay: '2026-11-23',
        lastPickupDay: '2026-12-03',
      }),
    ]);
    const history = await library.holdHistory(hold.holdId);
    expect(history.map((entry) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced', 'HoldInTransit', 'HoldInTransit', 'HoldReady']);
  });

  it('R17: the ready notice goes by the chosen method: an e-mail, or the staff call list', async () => {
    const token = await library.patron('100000031');
    await library.registerEmail(token, 'patron31@example.jp');
    await library.titleOnLoan('T-NOTICE', 'central', LENDER);
    const { body: hold } = await library.placeHold(token, 'T-NOTICE', 'central', 'email').expect(201);
    await library.checkin('T-NOTICE-c1', 'central');

    const mail = await waitForMail(app, 'patron31@example.jp', '予約資料のご用意ができました');
    expect(mail.text).toContain('Title T-NOTICE');

    if (policy === 'library-b') {
      const caller = await library.patron('100000032');
      await library.titleOnLoan('T-CALL', 'central', LENDER);
      const { body: phoned } = await library.placeHold(caller, 'T-CALL', 'central', 'phone').expect(201);
      await library.checkin('T-CALL-c1', 'central');
      const calls = await app.http().get('/staff/locations/central/call-list').set(bearer(library.staff)).expect(200);
      expect(calls.body.items).toContainEqual(expect.objectContaining({ holdId: phoned.holdId }));
      expect(calls.body.items).not.toContainEqual(expect.objectContaining({ holdId: hold.holdId }));
    }
  });

  it('R19: the patron cancels a hold that is not ready (204) but not a ready one (409 naming R19)', async () => {
    const token = await library.patron('100000041');
    await library.titleOnLoan('T-R19-a', 'central', LENDER);
    await library.titleOnLoan('T-R19-b', 'central', LENDER);
    const { body: waiting } = await library.placeHold(token, 'T-R19-a', 'central').expect(201);
    const { body: ready } = await library.placeHold(token, 'T-R19-b', 'central').expect(201);

    await app.http().delete(`/me/holds/${waiting.holdId}`).set(bearer(token)).expect(204);
    expect(await holdsOf(token)).toEqual([expect.objectContaining({ holdId: ready.holdId })]);
    const history = await library.holdHistory(waiting.holdId);
    expect(history.map((entry) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced', 'HoldCancelled', 'HoldSlotReleased']);
    expect(history[2].data).toMatchObject({ by: 'patron', previousStatus: 'waiting' });

    await library.checkin('T-R19-b-c1', 'central');
    const refused = await app.http().delete(`/me/holds/${ready.holdId}`).set(bearer(token)).expect(409);
    expect(refused.body).toMatchObject({ type: '/problems/hold-already-ready', rule: 'R19', status: 409 });
    expect(await readyOf(token)).toEqual([expect.objectContaining({ holdId: ready.holdId })]);
  });

  it('R20: staff cancel a hold in any state with a reason; the reason is in the history; a ready hold’s copy goes to the next patron', async () => {
    const first = await library.patron('100000051');
    const second = await library.patron('100000052');
    const third = await library.patron('100000053');
    const fourth = await library.patron('100000054');
    await library.titleOnLoan('T-R20', 'central', LENDER);
    const { body: ready } = await library.placeHold(first, 'T-R20', 'central').expect(201);
    const { body: inTransit } = await library.placeHold(second, 'T-R20', 'branch').expect(201);
    const { body: redirected } = await library.placeHold(third, 'T-R20', 'central').expect(201);
    const { body: waiting } = await library.placeHold(fourth, 'T-R20', 'central').expect(201);
    await library.checkin('T-R20-c1', 'central');

    const cancel = (holdId: string, body: object) => app.http().delete(`/staff/holds/${holdId}`).set(bearer(library.staff)).send(body);
    const noReason = await cancel(ready.holdId, {}).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    await cancel(ready.holdId, { reason: 'Could not reach the patron by phone' }).expect(204);
    const readyHistory = await library.holdHistory(ready.holdId);
    const cancelled = readyHistory.find((entry) => entry.type === 'HoldCancelled');
    expect(cancelled).toMatchObject({
      reason: 'Could not reach the patron by phone',
      data: { by: 'staff', previousStatus: 'ready', reason: 'Could not reach the patron by phone' },
    });
    expect(readyHistory.at(-1)?.type).toBe('HoldSlotReleased');
    // I4: the copy went to the next hold, which picks up at another location.
    expect(await holdsOf(second)).toEqual([expect.objectContaining({ holdId: inTransit.holdId, status: 'in-transit' })]);

    await cancel(inTransit.holdId, { reason: 'Patron moved away' }).expect(204);
    // The copy on its way to the branch is sent back for the next hold instead.
    expect(await holdsOf(third)).toEqual([expect.objectContaining({ holdId: redirected.holdId, status: 'in-transit' })]);
    expect(await holdsOf(fourth)).toEqual([expect.objectContaining({ holdId: waiting.holdId, status: 'waiting', queuePosition: 1 })]);
    await cancel(waiting.holdId, { reason: 'Duplicate request by phone' }).expect(204);
    await cancel(redirected.holdId, { reason: 'Asked at the desk' }).expect(204);
    expect((await library.holdHistory(waiting.holdId)).find((entry) => entry.type === 'HoldCancelled')).toMatchObject({
      reason: 'Duplicate request by phone',
      data: { previousStatus: 'waiting' },
    });
    expect((await library.holdHistory(redirected.holdId)).find((entry) => entry.type === 'HoldCancelled')).toMatchObject({
      reason: 'Asked at the desk',
      data: { previousStatus: 'in-transit' },
    });
    for (const token of [first, second, third, fourth]) {
      expect(await holdsOf(token)).toEqual([]);
      expect(await readyOf(token)).toEqual([]);
    }
    const again = await cancel(waiting.holdId, { reason: 'twice' }).expect(204);
    expect(again.headers['x-event-position']).toBeUndefined();
  });

  it('R21–R23: loans with due dates and overdue flag, holds not yet ready with queue position, ready holds with last pickup day', async () => {
    const token = await library.patron('100000061');
    const other = await library.patron('100000062');
    await library.title('T-LIST-LOAN');
    await library.copy('T-LIST-LOAN-c1', 'T-LIST-LOAN', 'central');
    await library.checkout('T-LIST-LOAN-c1', '100000061');
    await library.titleOnLoan('T-LIST-WAIT', 'central', LENDER);
    await library.placeHold(other, 'T-LIST-WAIT', 'central').expect(201);
    const { body: waiting } = await library.placeHold(token, 'T-LIST-WAIT', 'branch').expect(201);
    await library.titleOnLoan('T-LIST-READY', 'branch', LENDER);
    const { body: ready } = await library.placeHold(token, 'T-LIST-READY', 'branch').expect(201);
    await library.checkin('T-LIST-READY-c1', 'branch');

    const loans = await app.http().get('/me/loans').set(bearer(token)).expect(200);
    expect(loans.body).toEqual({
      items: [{ copyId: 'T-LIST-LOAN-c1', titleId: 'T-LIST-LOAN', titleName: 'Title T-LIST-LOAN', dueOn: '2026-12-07', overdue: false }],
    });
    expect(await holdsOf(token)).toEqual([
      {
        holdId: waiting.holdId,
        titleId: 'T-LIST-WAIT',
        titleName: 'Title T-LIST-WAIT',
        status: 'waiting',
        pickupLocationId: 'branch',
        contactMethod: 'none',
        placedAt: expect.any(String),
        queuePosition: 2,
        queueLength: 2,
      },
    ]);
    expect(await readyOf(token)).toEqual([
      {
        holdId: ready.holdId,
        titleId: 'T-LIST-READY',
        titleName: 'Title T-LIST-READY',
        copyId: 'T-LIST-READY-c1',
        pickupLocationId: 'branch',
        pickupLocationName: 'branch',
        noticeDay: '2026-11-23',
        pickupOpenDays: 10,
        lastPickupDay: '2026-12-03',
      },
    ]);
    expect(await holdsOf(other)).toEqual([expect.objectContaining({ queuePosition: 1 })]);
  });
});

async function waitForMail(app: TestApp, to: string, subject: string) {
  const outbox = join(app.dataDir, 'outbox');
  const deadline = Date.now() + 5000;
  for (;;) {
    const files = await readdir(outbox).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const mail = parseMail(await readFile(join(outbox, file)));
      if (mail.to.includes(to) && mail.subject.includes(subject)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to} in ${outbox}: ${files.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
