import { TEST_ADMIN } from '../../support/test-secrets';

/** What an HTTP call answered; `ok` for any 2xx. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  ok: boolean;
  body: T;
  headers: Headers;
}

/** The first administrator the app-process harness configures (test/support/test-secrets.ts). */
export const ADMIN = TEST_ADMIN;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A small HTTP client of the product for tests and benchmarks that run the app in another process: the same calls a
 * patron app and a staff desk make, over a real socket.
 */
export class LibraryClient {
  private staffToken = '';

  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; timeoutMs?: number } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, ok: response.ok, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  /** Like `call`, but anything but a 2xx throws with the problem body. */
  async expectOk<T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
    const answer = await this.call<T>(method, path, options);
    if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  staff(): string {
    if (!this.staffToken) throw new Error('log staff in first');
    return this.staffToken;
  }

  async loginStaff(): Promise<string> {
    const answer = await this.expectOk<{ accessToken: string }>('POST', '/staff/auth/login', { body: ADMIN });
    this.staffToken = answer.accessToken;
    return this.staffToken;
  }

  async location(locationId: string): Promise<void> {
    await this.expectOk('POST', '/staff/locations', { token: this.staff(), body: { locationId, name: `Library ${locationId}` } });
  }

  async title(titleId: string): Promise<void> {
    await this.expectOk('POST', '/staff/titles', { token: this.staff(), body: { titleId, name: `Title ${titleId}`, materialType: 'book' } });
  }

  async copy(copyId: string, titleId: string, locationId: string): Promise<void> {
    await this.expectOk('POST', '/staff/copies', { token: this.staff(), body: { copyId, titleId, locationId, loanable: true } });
  }

  async registerPatron(cardNumber: string, password: string): Promise<void> {
    await this.expectOk('POST', '/staff/patrons', {
      token: this.staff(),
      body: { cardNumber, name: `Patron ${cardNumber}`, birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false },
    });
    await this.expectOk('POST', `/staff/patrons/${cardNumber}/password`, { token: this.staff(), body: { password } });
  }

  async loginPatron(cardNumber: string, password: string): Promise<string> {
    return (await this.expectOk<{ accessToken: string }>('POST', '/auth/login', { body: { cardNumber, password } })).accessToken;
  }

  async checkout(copyId: string, cardNumber: string): Promise<void> {
    await this.expectOk('POST', '/staff/checkouts', { token: this.staff(), body: { copyId, cardNumber } });
  }

  checkin(copyId: string, locationId: string): Promise<Answer> {
    return this.call('POST', '/staff/checkins', { token: this.staff(), body: { copyId, locationId } });
  }

  placeHold(token: string, titleId: string, pickupLocationId: string): Promise<Answer<{ holdId: string }>> {
    return this.call('POST', '/me/holds', { token, body: { titleId, pickupLocationId, contactMethod: 'none' } });
  }

  async list(token: string, path: '/me/holds' | '/me/holds/ready' | '/me/loans'): Promise<Answer<{ items: { holdId?: string; copyId?: string }[] }>> {
    return this.call('GET', path, { token });
  }

  async holdHistory(holdId: string): Promise<{ type: string }[]> {
    return (await this.expectOk<{ items: { type: string }[] }>('GET', `/staff/holds/${holdId}/history`, { token: this.staff() })).items;
  }

  health(): Promise<Answer<{ status: string; info?: Record<string, unknown>; error?: Record<string, { status: string; message?: string }> }>> {
    return this.call('GET', '/health');
  }
}

/**
 * A library where every title's one copy is on loan (so Library B takes online holds on it: R9) and every patron
 * can log in. Titles `${prefix}T<i>` with copy `${prefix}T<i>-c1`, patrons 9-digit cards from `firstCard`.
 */
export async function seedLibrary(
  client: LibraryClient,
  options: { locationId: string; titles: number; patrons: number; firstCard: number; prefix?: string; password?: string },
): Promise<{ titleIds: string[]; copyIds: string[]; cards: string[]; tokens: string[]; lender: string }> {
  const prefix = options.prefix ?? '';
  const password = options.password ?? 'patron-password';
  await client.location(options.locationId);
  const lender = String(options.firstCard);
  await client.registerPatron(lender, password);
  const titleIds = Array.from({ length: options.titles }, (_, i) => `${prefix}T${i}`);
  const copyIds = titleIds.map((titleId) => `${titleId}-c1`);
  await inParallel(titleIds, 8, async (titleId, i) => {
    await client.title(titleId);
    await client.copy(copyIds[i], titleId, options.locationId);
    await client.checkout(copyIds[i], lender);
  });
  const cards = Array.from({ length: options.patrons }, (_, i) => String(options.firstCard + 1 + i));
  const tokens = new Array<string>(cards.length);
  await inParallel(cards, 4, async (card, i) => {
    await client.registerPatron(card, password);
    tokens[i] = await client.loginPatron(card, password);
  });
  return { titleIds, copyIds, cards, tokens, lender };
}

/** Runs `work` over the items, at most `concurrency` at a time. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
