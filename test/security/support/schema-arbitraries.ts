import fc from 'fast-check';
import { percentEncode, type Operation, type Parameter, type Schema } from './openapi';

/** A JSON object with `key` as an own property, even for `__proto__` (which plain assignment would turn into a prototype). */
function withOwnKey(value: unknown, key: string, child: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  Object.defineProperty(object, key, { value: child, enumerable: true, writable: true, configurable: true });
  return object;
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that have broken parsers, validators, logs and templates elsewhere. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\r\nX-Injected: 1',
  '../../etc/passwd',
  '%00',
  '%zz',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${jndi:ldap://example.invalid/x}',
  '\u202eevil',
  '\ufeff',
  '👍🏽👨‍👩‍👧',
  '𠮷野家',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '9'.repeat(40),
  '2026-02-30',
  '[object Object]',
  '__proto__',
);

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), nastyString);

/** Long enough to test field limits, some beyond the 64 kB body limit. */
const hugeString = fc.tuple(fc.integer({ min: 300, max: 80_000 }), fc.constantFrom('x', '字', '😀')).map(([length, unit]) => unit.repeat(length));

const scalarJunk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, -0), text);

/** Anything a client could put where a value belongs: wrong types, nulls, arrays, nested junk, prototype keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalarJunk },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(scalarJunk, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([key, child]) => withOwnKey({}, key, child)) },
);

/** A string of the kind the documented example shows (date, digits, id), since the document carries no patterns. */
function stringLike(example: unknown): fc.Arbitrary<string> {
  if (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example)) {
    return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  }
  if (typeof example === 'string' && /^\d+$/.test(example)) return fc.stringMatching(/^[0-9]{4,12}$/);
  return fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/);
}

/** A value of the right shape: right types, documented enums and examples, every required field present. */
export function shaped(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const example = schema.example === undefined ? [] : [fc.constant(schema.example)];
  switch (schema.type) {
    case 'string':
      return fc.oneof(...example, stringLike(schema.example), fc.string({ maxLength: 30 }));
    case 'number':
    case 'integer':
      return fc.oneof(...example, fc.integer({ min: -5, max: 600 }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.oneof(...example, fc.array(shaped(schema.items ?? {}), { maxLength: 4 }));
    case 'object':
    case undefined: {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0) return junk;
      const fields = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, shaped(property)]));
      return fc.record(fields, { requiredKeys: schema.required ?? [] });
    }
    default: {
      const unreachable: never = schema.type;
      throw new Error(`a schema type the generator does not know: ${String(unreachable)}`);
    }
  }
}

/** Like `shaped`, but any value at any depth may be junk instead. */
function noisy(schema: Schema): fc.Arbitrary<unknown> {
  const inner: fc.Arbitrary<unknown> =
    schema.properties && Object.keys(schema.properties).length > 0
      ? fc.record(Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, noisy(property)])), { requiredKeys: [] })
      : schema.type === 'array'
        ? fc.array(noisy(schema.items ?? {}), { maxLength: 4 })
        : shaped(schema);
  return fc.oneof({ weight: 3, arbitrary: inner }, { weight: 1, arbitrary: junk });
}

const extraKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'isAdmin', 'roles', 'cardNumber', 'id', ''), fc.string({ maxLength: 12 }));

/** Valid-shaped bodies, and the ways clients get them wrong: a wrong type, a missing field, an extra field, noise, junk. */
export function bodyOf(schema: Schema): fc.Arbitrary<unknown> {
  const valid = shaped(schema);
  const names = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const variants: fc.Arbitrary<unknown>[] = [
    valid,
    noisy(schema),
    junk,
    fc.tuple(valid, extraKey, junk).map(([value, key, child]) => withOwnKey(value, key, child)),
  ];
  if (names.length > 0) variants.push(fc.tuple(valid, fc.constantFrom(...names), junk).map(([value, name, child]) => withOwnKey(value, name, child)));
  if (required.length > 0) {
    variants.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([value, name]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[name];
        return copy;
      }),
    );
  }
  return fc.oneof(...variants);
}

/** Path segments: documented examples, well-shaped ids, any text, now and then a huge one, and raw segments that trouble URL decoders. */
function pathSegment(parameter: Parameter): fc.Arbitrary<string> {
  const raw = fc.constantFrom('%', '%zz', '%FF', '%C0%AF', '%E0%A4%A', '..', '.', '%2e%2e', '%2F', '%00', '%20');
  const encoded = fc
    .oneof(
      { weight: 4, arbitrary: shaped(parameter.schema).map(String) },
      { weight: 3, arbitrary: text.filter((value) => value.length > 0) },
      { weight: 1, arbitrary: hugeString.map((value) => value.slice(0, 4000)) },
    )
    .map(percentEncode);
  return fc.oneof({ weight: 6, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/** One query parameter: mostly a single value (shaped or any text), sometimes absent or repeated (an array). */
function queryValues(parameter: Parameter): fc.Arbitrary<string[]> {
  const single = fc.oneof(shaped(parameter.schema).map(String), text);
  return fc.oneof(
    { weight: parameter.required ? 6 : 2, arbitrary: single.map((value) => [value]) },
    { weight: 2, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(single, { minLength: 2, maxLength: 3 }) },
  );
}

const printableHeader = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/), fc.stringMatching(/^[\x21-\x7e]{1,200}$/));

export interface FuzzRequest {
  segments: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  /** Absent for operations without a body. */
  body?: unknown;
}

/** Requests for one operation, derived from what its OpenAPI entry declares. */
export function requestsFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const segments = fc.record(Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, pathSegment(parameter)])));
  const declared = fc.tuple(
    ...operation.queryParams.map((parameter) => queryValues(parameter).map((values) => values.map((value) => [parameter.name, value] as const))),
  );
  const extraPair = fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'a[b]', 'offset[]'), fc.string({ minLength: 1, maxLength: 8 })), text);
  const extra = fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(extraPair, { minLength: 1, maxLength: 2 }) });
  const query = fc
    .tuple(declared, extra)
    .map(([pairs, extras]) => [...pairs.flat(), ...extras].map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&'));
  const headers = fc.record(Object.fromEntries(operation.headerParams.map((parameter) => [parameter.name, printableHeader])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string>>;
  const body = operation.body ? bodyOf(operation.body) : fc.constant(undefined);
  return fc.record({ segments, query, headers, body });
}
