import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES, runCli } from '../fixtures/run-cli';
import { ADMIN, bearer, LibraryFixture, staffToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const SAMPLE_CSV = join(FIXTURES, 'catalogue-sample.csv');
const SAMPLE_JSON = join(FIXTURES, 'catalogue-sample.json');
const INVALID_CSV = join(FIXTURES, 'catalogue-invalid.csv');

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One app and one catalogue for the whole file: each test builds on what the ones before imported. */
describe('npm run catalogue:import', () => {
  let app: TestApp;
  let staff: string;
  let login: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    const library = await LibraryFixture.create(app);
    staff = library.staff;
    await library.location('central', '中央図書館');
    await library.location('east', '東分館');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    login = { HOLDS_API_URL: `http://127.0.0.1:${port}`, HOLDS_STAFF_ID: ADMIN.staffId, HOLDS_STAFF_PASSWORD: ADMIN.password };
  });
  afterAll(() => app.close());

  const title = (titleId: string) => app.http().get(`/staff/titles/${titleId}`).set(bearer(staff));

  it('--dry-run checks the file and sends nothing, without needing the app', async () => {
    const result = await runCli('catalogue-import', [SAMPLE_CSV, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would send: 28 titles, 35 copies');
    await title('T-0001').expect(404);
  });

  it('catalogues the sample through the staff API as the importing staff member; a re-run skips everything', async () => {
    const first = await runCli('catalogue-import', [SAMPLE_CSV], login);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('titles: 28 created, 0 skipped, 0 refused');
    expect(first.stdout).toContain('copies: 35 created, 0 skipped, 0 refused');
    expect(first.stderr).toMatch(/importing catalogue \[=+\] 100% \| 63\/63 writes/);

    expect((await title('T-0001').expect(200)).body).toMatchObject({
      name: '吾輩は猫である',
      author: '夏目漱石',
      materialType: 'book',
      volume: null,
      copies: [
        expect.objectContaining({ copyId: 'C-0001-1', locationId: 'central', loanable: true }),
        expect.objectContaining({ copyId: 'C-0001-2', locationId: 'east' }),
      ],
    });
    expect((await title('T-0020').expect(200)).body).toMatchObject({ name: '「坊っちゃん」を読む "漱石" 入門', author: null });
    expect((await title('T-0016').expect(200)).body.copies).toEqual([
      expect.objectContaining({ loanable: false }),
      expect.objectContaining({ loanable: false }),
    ]);
    expect((await title('T-0027').expect(200)).body.copies).toEqual([]);
    const history = await app.http().get('/staff/titles/T-0003/history').set(bearer(staff)).expect(200);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(['TitleCatalogued', 'CopyAdded', 'CopyAdded']);
    expect(history.body.items[0]).toMatchObject({ actor: { kind: 'staff', id: ADMIN.staffId } });

    const again = await runCli('catalogue-import', [SAMPLE_CSV], login);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('titles: 0 created, 28 skipped, 0 refused');
    expect(again.stdout).toContain('copies: 0 created, 35 skipped, 0 refused');
    expect((await app.http().get('/staff/titles/T-0003/history').set(bearer(staff)).expect(200)).body.items).toHaveLength(3);
  });

  it('reports every bad row with its line and field, imports the good ones, and exits non-zero (I8)', async () => {
    const result = await runCli('catalogue-import', [INVALID_CSV], login);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('titles: 2 created, 0 skipped, 0 refused');
    expect(result.stdout).toContain('copies: 1 created, 0 skipped, 1 refused');
    expect(result.stdout).toContain('invalid entries: 5 (nothing was sent for them)');
    const reported = result.stdout.split('\n').filter((line) => /^ {2}line \d+:/.test(line));
    expect(reported).toEqual([
      '  line 3: name: name must be longer than or equal to 1 characters',
      '  line 4: materialType: materialType must be one of book, magazine, audiovisual, in-library-video, reference',
      '  line 5: loanable: loanable must be a boolean value',
      '  line 6: name: "山月記 (新版)" here, but "山月記" at line 2 for the same id',
      '  line 7: titleId: titleId must be 1-64 letters, digits, ".", "_" or "-"',
      '  line 8: copy C-0106-1: There is no library location nowhere. (HTTP 404, unknown-location)',
    ]);
    await title('T-0101').expect(200);
    await title('T-0102').expect(404);
  });

  it('refuses a title the catalogue holds with other data, and does not add its copies there', async () => {
    const result = await runCli('catalogue-import', [join(FIXTURES, 'catalogue-conflict.json'), '--token', await staffToken(app)], {
      HOLDS_API_URL: login.HOLDS_API_URL,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('titles: 1 created, 0 skipped, 1 refused');
    expect(result.stdout).toMatch(
      /titles\[0\] \(line 3\): title T-0001: already in the catalogue with other data: name is "吾輩は猫である" there, "我輩は猫である" here/,
    );
    expect(result.stdout).toMatch(/copies\[0\] \(line 7\): copy C-0001-9: not sent: its title T-0001 was refused \(titles\[0\] \(line 3\)\)/);
    expect(result.stdout).toMatch(/copies\[1\] \(line 8\): copy C-0002-1: Copy C-0002-1 is already registered for title T-0002.*copy-id-taken/);
    expect((await title('T-0001').expect(200)).body.copies).toHaveLength(2);
  });

  it('imports JSON the same way', async () => {
    const result = await runCli('catalogue-import', [SAMPLE_JSON], login);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('copies: 3 created, 0 skipped, 0 refused') });
    expect((await title('J-0003').expect(200)).body).toMatchObject({ materialType: 'audiovisual', copies: [expect.objectContaining({ loanable: false })] });
  });

  it('stops with a clear reason when the login is refused or the app cannot be reached', async () => {
    const refused = await runCli('catalogue-import', [SAMPLE_JSON], { ...login, HOLDS_STAFF_PASSWORD: 'not-the-password' });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/Staff login as admin at .* was refused.*\nNothing was imported\./) });

    const unreachable = await runCli('catalogue-import', [SAMPLE_JSON], { ...login, HOLDS_API_URL: `http://127.0.0.1:${await closedPort()}` });
    expect(unreachable).toMatchObject({ code: 1, stderr: expect.stringMatching(/Cannot reach the app at http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED/) });
  });

  it('refuses bad arguments (64) and a file it cannot read as a catalogue (65) before sending anything', async () => {
    expect((await runCli('catalogue-import', [], login)).code).toBe(64);
    expect((await runCli('catalogue-import', [SAMPLE_CSV, '--force'], login)).code).toBe(64);
    expect((await runCli('catalogue-import', [SAMPLE_CSV])).stderr).toMatch(/Say who imports/);
    const unreadable = await runCli('catalogue-import', [join(FIXTURES, 'catalogue-missing.json'), '--dry-run'], login);
    expect(unreadable).toMatchObject({ code: 65, stderr: expect.stringMatching(/Cannot read .*catalogue-missing\.json: ENOENT/) });
  });
});
