import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const LENDER = '900000001';

/** What may be held and how (R7–R14), over HTTP, for both policy presets. */
describe.each(['library-a', 'library-b'] as const)('what may be held (%s)', (policy) => {
  const isA = policy === 'library-a';
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.location('branch');
    await library.registerOnly(LENDER);
  });
  afterAll(() => app.close());

  it('R7: ten active holds at most, counter holds counted; the eleventh is refused naming R7, online and at the counter', async () => {
    const token = await library.patron('100000001');
    for (let i = 1; i <= 11; i++) await library.titleOnLoan(`T-R7-${i}`, 'central', LENDER);
    for (let i = 1; i <= 7; i++) await library.placeHold(token, `T-R7-${i}`, 'central').expect(201);
    for (let i = 8; i <= 10; i++) await library.counterHold('100000001', `T-R7-${i}`, 'central', 'none').expect(201);

    const online = await library.placeHold(token, 'T-R7-11', 'central').expect(409);
    expect(online.body).toMatchObject({ type: '/problems/hold-limit-reached', rule: 'R7', status: 409, details: { limit: 10 } });
    const counter = await library.counterHold('100000001', 'T-R7-11', 'central', 'none').expect(409);
    expect(counter.body).toMatchObject({ rule: 'R7' });

    const profile = await app.http().get('/me').set(bearer(token)).expect(200);
    expect(profile.body.activeHolds).toBe(10);
    expect((await app.http().get('/me/holds').set(bearer(token)).expect(200)).body.items).toHaveLength(10);
  });

  it('R10: a patron cannot hold a title they have on loan', async () => {
    const token = await library.patron('100000002');
    await library.titleOnLoan('T-R10', 'central', '100000002');
    const answer = await library.placeHold(token, 'T-R10', 'central').expect(409);
    expect(answer.body).toMatchObject({ type: '/problems/title-on-loan-to-patron', rule: 'R10' });
  });

  it('R12: a patron does not hold the same title twice', async () => {
    const token = await library.patron('100000003');
    await library.titleOnLoan('T-R12', 'central', LENDER);
    await library.placeHold(token, 'T-R12', 'central').expect(201);
    const again = await library.placeHold(token, 'T-R12', 'branch').expect(409);
    expect(again.body).toMatchObject({ type: '/problems/already-holding-title', rule: 'R12' });
    const counter = await library.counterHold('100000003', 'T-R12', 'central', 'none').expect(409);
    expect(counter.body).toMatchObject({ rule: 'R12' });
  });

  it('R13: the pickup location must be one of the library’s locations', async () => {
    const token = await library.patron('100000004');
    await library.titleOnLoan('T-R13', 'central', LENDER);
    const answer = await library.placeHold(token, 'T-R13', 'nowhere').expect(404);
    expect(answer.body).toMatchObject({ type: '/problems/unknown-location', rule: 'R13', details: { locationId: 'nowhere' } });
    await library.placeHold(token, 'T-R13', 'branch').expect(201);
  });

  it(`R14: contact methods offered by ${policy}; e-mail needs a registered address`, async () => {
    const token = await library.patron('100000005');
    const offered = isA ? ['none'] : ['phone', 'ring-only', 'voicemail', 'none'];
    const refused = isA ? ['phone', 'ring-only', 'voicemail'] : [];
    for (const [index, method] of offered.entries()) {
      await library.titleOnLoan(`T-R14-ok-${index}`, 'central', LENDER);
      const placed = await library.placeHold(token, `T-R14-ok-${index}`, 'central', method).expect(201);
      expect(placed.body.status).toBe('waiting');
    }
    await library.titleOnLoan('T-R14-no', 'central', LENDER);
    for (const method of refused) {
      const answer = await library.placeHold(token, 'T-R14-no', 'central', method).expect(422);
      expect(answer.body).toMatchObject({ type: '/problems/contact-method-not-offered', rule: 'R14', details: { contactMethod: method } });
    }

    const noAddress = await library.placeHold(token, 'T-R14-no', 'central', 'email').expect(409);
    expect(noAddress.body).toMatchObject({ type: '/problems/email-not-registered', rule: 'R14' });
    await library.registerEmail(token, 'patron5@example.jp');
    await library.placeHold(token, 'T-R14-no', 'central', 'email').expect(201);
  });
});

describe('R8: material types and not-for-loan copies (library-a)', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-a' } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    token = await library.patron('100000001');
  });
  afterAll(() => app.close());

  it.each(['book', 'audiovisual'])('a %s on the shelf may be held online, and its copy goes on the pull list', async (materialType) => {
    await library.title(`T-${materialType}`, materialType);
    await library.copy(`T-${materialType}-c1`, `T-${materialType}`, 'central');
    const placed = await library.placeHold(token, `T-${materialType}`, 'central').expect(201);
    expect(placed.body).toEqual({ holdId: expect.any(String), status: 'waiting', queuePosition: 1 });

    const pull = await app.http().get('/staff/locations/central/pull-list').set(bearer(library.staff)).expect(200);
    expect(pull.body.items).toContainEqual(expect.objectContaining({ titleId: `T-${materialType}`, waitingHolds: 1, copyIds: [`T-${materialType}-c1`] }));
  });

  it.each(['in-library-video', 'reference', 'magazine'])('a %s cannot be held, online or at the counter', async (materialType) => {
    await library.title(`T-${materialType}`, materialType);
    await library.copy(`T-${materialType}-c1`, `T-${materialType}`, 'central');
    const online = await library.placeHold(token, `T-${materialType}`, 'central').expect(403);
    expect(online.body).toMatchObject({ type: '/problems/not-holdable-material', rule: 'R8', details: { materialType, reason: 'material-type' } });
    await library.counterHold('100000001', `T-${materialType}`, 'central', 'none').expect(403);
  });

  it('a book whose only copy is not for loan cannot be held', async () => {
    await library.title('T-REF-BOOK', 'book');
    await library.copy('T-REF-BOOK-c1', 'T-REF-BOOK', 'central', false);
    const answer = await library.placeHold(token, 'T-REF-BOOK', 'central').expect(403);
    expect(answer.body).toMatchObject({ rule: 'R8', details: { reason: 'not-for-loan' } });
  });
});

describe('R9: books only online, and only while no copy is on the shelf (library-b)', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-b' } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.location('branch');
    await library.registerOnly(LENDER);
    token = await library.patron('100000001');
  });
  afterAll(() => app.close());

  it.each(['magazine', 'audiovisual'])('a %s is held at the counter only', async (materialType) => {
    await library.titleOnLoan(`T-${materialType}`, 'central', LENDER, materialType);
    const online = await library.placeHold(token, `T-${materialType}`, 'central').expect(403);
    expect(online.body).toMatchObject({ type: '/problems/not-holdable-material', rule: 'R9', details: { reason: 'counter-only' } });
    await library.counterHold('100000001', `T-${materialType}`, 'central', 'phone').expect(201);
  });

  it('an online hold is refused while a loanable copy is on the shelf anywhere, and accepted once it is lent', async () => {
    await library.title('T-SHELF');
    await library.copy('T-SHELF-c1', 'T-SHELF', 'central');
    await library.copy('T-SHELF-c2', 'T-SHELF', 'branch');
    await library.checkout('T-SHELF-c1', LENDER);

    const refused = await library.placeHold(token, 'T-SHELF', 'central').expect(409);
    expect(refused.body).toMatchObject({ type: '/problems/copy-available-on-shelf', rule: 'R9', details: { locationIds: ['branch'] } });
    const pull = await app.http().get('/staff/locations/branch/pull-list').set(bearer(library.staff)).expect(200);
    expect(pull.body.items).toEqual([]);

    await library.registerOnly('900000002');
    await library.checkout('T-SHELF-c2', '900000002');
    await library.placeHold(token, 'T-SHELF', 'central').expect(201);
  });

  it('a not-for-loan copy on the shelf does not count as available', async () => {
    await library.titleOnLoan('T-NFL', 'central', LENDER);
    await library.copy('T-NFL-ref', 'T-NFL', 'central', false);
    await library.placeHold(token, 'T-NFL', 'central').expect(201);
  });
});
