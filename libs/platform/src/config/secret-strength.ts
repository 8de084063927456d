/**
 * How hard a secret is to guess, estimated from the value alone (no dictionary): the characters that do not merely
 * continue a run (`aaaa`, `abcd`, `4321`, `abab`: each one next to the last) times log2 of the alphabet they come
 * from (lower case, upper case, digits, anything else), discounted by how unevenly characters repeat (the Shannon
 * entropy of the value's own characters, against the most a value of that length could have). A random value scores
 * near length × log2(alphabet); `0123456789…` and `xxxx…` score near zero however long they are.
 */
export function estimatedEntropyBits(value: string): number {
  const characters = [...value];
  const length = characters.length;
  if (length === 0) return 0;
  const alphabet = alphabetSize(characters);
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let shannon = 0;
  for (const count of counts.values()) shannon -= (count / length) * Math.log2(count / length);
  const mostPossible = Math.log2(Math.min(length, alphabet));
  const evenness = mostPossible > 0 ? shannon / mostPossible : 0;
  const codePoints = characters.map((character) => character.codePointAt(0) as number);
  const unpredictable = 1 + codePoints.slice(1).filter((codePoint, index) => Math.abs(codePoint - codePoints[index]) > 1).length;
  return unpredictable * Math.log2(alphabet) * evenness;
}

function alphabetSize(characters: string[]): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/];
  const sizes = [26, 26, 10];
  let size = 0;
  classes.forEach((pattern, index) => {
    if (characters.some((character) => pattern.test(character))) size += sizes[index];
  });
  if (characters.some((character) => !/[a-zA-Z0-9]/.test(character))) size += 33;
  return size;
}

/**
 * Values this repository published as defaults or examples: anyone who read it knows them, so they are refused in
 * every mode (the old token secret would let a reader mint an admin token).
 */
const PUBLISHED_VALUES: ReadonlySet<string> = new Set([
  'development-only-token-secret-change-me!',
  'change-me-now',
  'a-random-secret-of-at-least-32-characters',
  'a-real-admin-password',
]);

export function isPublishedValue(value: string): boolean {
  return PUBLISHED_VALUES.has(value.trim().toLowerCase());
}

export interface StrengthRule {
  minLength: number;
  minBits: number;
}

/** Production minimums: a token secret signs every credential, the first admin password guards the whole library. */
export const TOKEN_SECRET_STRENGTH: StrengthRule = { minLength: 32, minBits: 128 };
export const ADMIN_PASSWORD_STRENGTH: StrengthRule = { minLength: 12, minBits: 50 };

/** Why a secret is too weak (without the value: it may still be someone's real secret), or null when it is strong enough. */
export function weakness(value: string, rule: StrengthRule): string | null {
  const length = [...value].length;
  const bits = Math.floor(estimatedEntropyBits(value));
  if (length < rule.minLength) return `it has ${length} characters, at least ${rule.minLength} are needed`;
  if (bits < rule.minBits)
    return `it is too predictable: about ${bits} bits estimated from its characters (length, alphabet, repeats, runs), at least ${rule.minBits} are needed`;
  return null;
}
