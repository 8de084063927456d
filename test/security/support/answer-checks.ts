import type { Response } from 'supertest';

/** Traces of the server's insides: stack frames, source paths, module folders, driver messages. */
const INTERNALS = [/\bat [\w$.<>]+ \(/, /\.(ts|js):\d+(:\d+)?/, /node_modules/, /\/work\/|\/home\/|\/tmp\//, /\bError: /, /\blmdb\b|\bioredis\b|ECONNREFUSED/i];

export function internalsIn(text: string): string[] {
  return INTERNALS.filter((pattern) => pattern.test(text)).map(String);
}

/**
 * What every error answer must look like (I8): problem+json with type, title and the same status, and nothing
 * internal in it. Returns what is wrong, empty when all is well.
 */
export function problemFaults(response: Response): string[] {
  if (response.status < 400) return [];
  const faults: string[] = [];
  if (response.status >= 500) faults.push(`a ${response.status}`);
  if (!String(response.headers['content-type'] ?? '').startsWith('application/problem+json')) faults.push(`content-type ${response.headers['content-type']}`);
  const body = response.body as { type?: unknown; title?: unknown; status?: unknown } | undefined;
  if (typeof body?.type !== 'string' || !body.type.startsWith('/problems/')) faults.push(`type ${JSON.stringify(body?.type)}`);
  if (typeof body?.title !== 'string' || body.title.length === 0) faults.push(`title ${JSON.stringify(body?.title)}`);
  if (body?.status !== response.status) faults.push(`status ${JSON.stringify(body?.status)} in the body of a ${response.status}`);
  const leaked = internalsIn(response.text);
  if (leaked.length > 0) faults.push(`internals in the body: ${leaked.join(', ')}`);
  return faults;
}
