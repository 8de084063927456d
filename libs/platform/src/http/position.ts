import { ProblemException } from './problem-details.filter';
import { problemType } from './problem';

/** `?after=` / X-Event-Position: a global position of the event log, as decimal digits. */
export function parsePosition(value: string | undefined): bigint | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,30}$/.test(value)) {
    throw new ProblemException({
      type: problemType('validation-failed'),
      title: 'Invalid request',
      status: 400,
      detail: 'after must be an event position (decimal digits) as returned in X-Event-Position',
      errors: [{ field: 'after', messages: ['after must be decimal digits'] }],
    });
  }
  return BigInt(value);
}
