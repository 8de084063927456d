/** A UTF-16 surrogate without its partner: no UTF-8 encoding exists for it, so it cannot be stored or mailed faithfully. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is unusable in any field (a password too), or null: it is not text, or it hides a NUL. */
export function wireTextProblem(value: string): string | null {
  if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  if (value.includes('\u0000')) return 'contains a NUL character';
  return null;
}

/** Every string field of a parsed body or query (nested too) that is not text, with why. */
export function wireTextProblemsIn(value: unknown, parent = ''): { field: string; messages: string[] }[] {
  if (typeof value === 'string') {
    const problem = wireTextProblem(value);
    return problem ? [{ field: parent || '(body)', messages: [`${parent || 'the body'} ${problem}`] }] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = parent ? `${parent}.${key}` : key;
    const keyProblem = wireTextProblem(key);
    return [...(keyProblem ? [{ field, messages: [`the field name ${keyProblem}`] }] : []), ...wireTextProblemsIn(item, field)];
  });
}
