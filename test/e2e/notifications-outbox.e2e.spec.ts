import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMail } from '../../libs/notifications/test/parse-mail';
import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { positionOf, reactorReached } from './notifications-harness';

/** The embedded default (`npm start`): no relay, every mail an .eml file under DATA_DIR/outbox. */
describe('mails to the outbox directory (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('R25, R17: the address notice and the ready mail are written as .eml files named by Message-ID', async () => {
    const library = await LibraryFixture.create(app);
    await library.location('central', '中央図書館');
    await library.title('T-1', 'book', '吾輩は猫である');
    await library.copy('C-1', 'T-1', 'central');
    await library.patron('100000001');
    await library.checkout('C-1', '100000001');
    const patron = await library.patron('100000002');
    await app.http().put('/me/email').set(bearer(patron)).send({ email: 'outbox@example.jp' }).expect(204);
    await app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'email' }).expect(201);
    const checkin = await app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'C-1', locationId: 'central' }).expect(201);
    await reactorReached(app, 'notifications', positionOf(checkin));

    const outbox = join(app.dataDir, 'outbox');
    const files = (await readdir(outbox)).sort();
    expect(files).toEqual([
      expect.stringMatching(/^email-registered\..+\.eml$/),
      expect.stringMatching(/^hold-placed\..+\.eml$/),
      expect.stringMatching(/^hold-ready\..+\.eml$/),
    ]);
    const ready = parseMail(await readFile(join(outbox, files[2])));
    expect(ready.to).toBe('outbox@example.jp');
    expect(ready.subject).toBe('【Library B】予約資料のご用意ができました');
    expect(ready.text).toContain('資料名：吾輩は猫である\n受取場所：中央図書館\n取置期限：2026年12月3日(木)');
    expect(ready.messageId).toBe(`<${files[2].replace(/\.eml$/, '')}>`);
  });
});
