import type { TitleDoc } from '@libs/projections';
import type { CopyBody, TitleBody } from './validate-catalogue';

export type WriteOutcome = { result: 'created' } | { result: 'skipped' } | { result: 'refused'; reason: string };

/** The import cannot go on (app unreachable, credentials refused): every further row would fail the same way. */
export class StaffApiUnavailable extends Error {
  override readonly name = 'StaffApiUnavailable';
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

const RETRY_DELAYS_MS = [500, 1000, 2000];
const REQUEST_TIMEOUT_MS = 30_000;
/** The app answers these while it starts, restarts or its event store is briefly away: worth a retry. */
const TRANSIENT = new Set([502, 503, 504]);

/** A problem+json answer as one line: its detail and, for validation, every field. */
function problemText(answer: Answer): string {
  const body = answer.body ?? {};
  const fields = Array.isArray(body.errors)
    ? (body.errors as { field: string; messages: string[] }[]).map((error) => `${error.field}: ${error.messages.join('; ')}`)
    : [];
  const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : `HTTP ${answer.status}`;
  return [detail, ...fields].join(' | ');
}

function jsonOrNull(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const problemCode = (answer: Answer) => (typeof answer.body?.type === 'string' ? answer.body.type.replace(/^\/problems\//, '') : null);

/**
 * The staff HTTP API of a running app, as the import uses it: the same endpoints, validation, roles and audit
 * trail (the actor of every event is the importing staff member) as a staff member at the counter.
 */
export class StaffApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static withToken(baseUrl: string, token: string): StaffApi {
    return new StaffApi(baseUrl.replace(/\/+$/, ''), token);
  }

  static async login(baseUrl: string, staffId: string, password: string): Promise<StaffApi> {
    const api = StaffApi.withToken(baseUrl, '');
    const answer = await api.send('POST', '/staff/auth/login', { staffId, password });
    if (answer.status !== 200 || typeof answer.body?.accessToken !== 'string') {
      throw new StaffApiUnavailable(`Staff login as ${staffId} at ${api.baseUrl} was refused: ${problemText(answer)}`);
    }
    return StaffApi.withToken(baseUrl, answer.body.accessToken);
  }

  /** Created; skipped when the catalogue already has the title with the same data; refused otherwise. */
  async catalogueTitle(title: TitleBody): Promise<WriteOutcome> {
    const answer = await this.send('POST', '/staff/titles', title);
    if (answer.status === 201) return { result: 'created' };
    if (problemCode(answer) !== 'title-already-catalogued') return this.refusal(answer);
    const existing = await this.send('GET', `/staff/titles/${encodeURIComponent(title.titleId)}`);
    if (existing.status !== 200) return this.refusal(existing);
    const catalogued = existing.body as unknown as TitleDoc;
    const differences = (['name', 'author', 'materialType', 'volume'] as const)
      .filter((field) => (catalogued[field] ?? null) !== (title[field] ?? null))
      .map((field) => `${field} is ${JSON.stringify(catalogued[field] ?? null)} there, ${JSON.stringify(title[field] ?? null)} here`);
    return differences.length === 0
      ? { result: 'skipped' }
      : { result: 'refused', reason: `already in the catalogue with other data: ${differences.join('; ')}` };
  }

  /** Created; skipped when the title already has this copy; refused otherwise (unknown location, copy id taken by another title…). */
  async addCopy(copy: CopyBody): Promise<WriteOutcome> {
    const answer = await this.send('POST', '/staff/copies', copy);
    if (answer.status === 201) return { result: 'created' };
    if (problemCode(answer) === 'copy-already-added') return { result: 'skipped' };
    return this.refusal(answer);
  }

  private refusal(answer: Answer): WriteOutcome {
    if (answer.status === 401 || answer.status === 403) {
      throw new StaffApiUnavailable(`The app refused the staff credentials (HTTP ${answer.status}): ${problemText(answer)}`);
    }
    return { result: 'refused', reason: `${problemText(answer)} (HTTP ${answer.status}${problemCode(answer) ? `, ${problemCode(answer)}` : ''})` };
  }

  private async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      let answer: Answer | undefined;
      let failure: string | undefined;
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        answer = { status: response.status, body: jsonOrNull(text) };
        if (TRANSIENT.has(answer.status)) failure = `HTTP ${answer.status}: ${problemText(answer)}`;
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        failure = cause instanceof Error ? cause.message : (error as Error).message;
      }
      if (failure === undefined && answer) return answer;
      // A retried POST whose first attempt did land gets "already catalogued" and counts as skipped: nothing doubles.
      if (attempt >= RETRY_DELAYS_MS.length) throw new StaffApiUnavailable(`Cannot reach the app at ${this.baseUrl} (${method} ${path}): ${failure}`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}
