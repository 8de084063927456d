import { createHmac, hkdfSync } from 'node:crypto';

export const IDEMPOTENCY_FINGERPRINT_KEY = Symbol('IDEMPOTENCY_FINGERPRINT_KEY');

/** Names the use of the server secret, so the fingerprint key is unrelated to the token-signing key drawn from the same secret. */
const FINGERPRINT_LABEL = 'library-holds/idempotency-fingerprint/v1';

/** The fingerprint key: HKDF-SHA256 of the server secret under its own label. */
export function fingerprintKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), FINGERPRINT_LABEL, 32));
}

/** JSON with every object's keys in code-point order, so the same request body sent with its keys reordered reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What the idempotency store keeps to tell "the same request again" from "another request with the same key":
 * an HMAC with a server key, never a plain hash, since the store keeps it a day and a body such as
 * {"password":"summer2026"} would fall to a dictionary.
 */
export function requestFingerprint(key: Buffer, method: string, url: string, body: unknown): string {
  return createHmac('sha256', key)
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}
