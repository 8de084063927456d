import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem-details.filter';
import { problemType } from './problem';

/** Our deepest body (a calendar's closed ranges) nests three levels; anything far deeper is an attack on the stack. */
const MAX_DEPTH = 32;

/** Walks without recursion, so the check itself cannot overflow the stack it protects. */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses JSON bodies nested deeper than any endpoint accepts, before validation, idempotency fingerprints or
 * logging walk them recursively (a 60 kB body of nested arrays would otherwise overflow the stack: a 500).
 */
export function bodyDepthLimit(request: Request, _response: Response, next: NextFunction) {
  if (!deeperThan(request.body, MAX_DEPTH)) return next();
  next(
    new ProblemException({
      type: problemType('body-too-deeply-nested'),
      title: 'Request body nested too deeply',
      status: 400,
      detail: `The JSON body nests objects or arrays more than ${MAX_DEPTH} levels deep.`,
    }),
  );
}
