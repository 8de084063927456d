/** An RFC 9457 problem, as every error answer of the API is. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  rule?: string;
  errors?: { field: string; messages: string[] }[];
  details?: Record<string, unknown>;
}

/** A refused or failed request; `problem` is the API's own answer, or one made up for a network failure. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** An answer: the body, and the event position of a command, so the next read can wait for it. */
export interface ApiAnswer<T> {
  body: T;
  position: string | null;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T = void>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiAnswer<T>>;
}

export interface ApiClientOptions {
  token: () => string | null;
  /** The token expired or was refused: the app goes back to its login form. */
  onUnauthorized: () => void;
}

const NETWORK_PROBLEM: Problem = { type: '/problems/network', title: 'Network error', status: 0 };

/** A random key per command, so a repeated click or a retried request never makes a second hold. */
export function idempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { type: body.type ?? `/problems/http-${response.status}`, title: body.title ?? response.statusText, status: response.status, ...body };
  } catch {
    return { type: `/problems/http-${response.status}`, title: response.statusText, status: response.status };
  }
}

/** Talks to the public HTTP API of the same origin, with the signed-in user's bearer token. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  async function request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'POST') headers['Idempotency-Key'] = idempotencyKey();
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiProblem(NETWORK_PROBLEM);
    }
    if (response.ok) return response;
    const problem = await problemOf(response);
    if (response.status === 401 && token) options.onUnauthorized();
    throw new ApiProblem(problem);
  }

  return {
    async get<T>(path: string) {
      return (await (await request('GET', path)).json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
      const response = await request(method, path, body);
      const text = await response.text();
      return { body: (text ? JSON.parse(text) : undefined) as T, position: response.headers.get('X-Event-Position') };
    },
  };
}
