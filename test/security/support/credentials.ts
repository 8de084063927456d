import jwt from 'jsonwebtoken';
import type { StaffRole } from '@libs/domain';
import { bearer, patronToken, staffToken, type LibraryFixture } from '../../support/library-fixture';
import { ACCESS } from '../access-policy';

/** Every kind of caller the authorization matrix tries on every operation. */
export const CALLERS = [
  'no token',
  'expired token',
  'malformed token',
  'unsigned token',
  'token signed with another secret',
  'patron A',
  'patron B',
  'staff admin',
  'staff circulation',
  'staff auditor',
] as const;
export type Caller = (typeof CALLERS)[number];

export type CallerKind = { kind: 'anonymous' } | { kind: 'patron' } | { kind: 'staff'; role: StaffRole };

/** What the server should make of each caller: the bad tokens are anonymous, whatever they claim. */
export const KIND_OF: Record<Caller, CallerKind> = {
  'no token': { kind: 'anonymous' },
  'expired token': { kind: 'anonymous' },
  'malformed token': { kind: 'anonymous' },
  'unsigned token': { kind: 'anonymous' },
  'token signed with another secret': { kind: 'anonymous' },
  'patron A': { kind: 'patron' },
  'patron B': { kind: 'patron' },
  'staff admin': { kind: 'staff', role: 'admin' },
  'staff circulation': { kind: 'staff', role: 'circulation' },
  'staff auditor': { kind: 'staff', role: 'auditor' },
};

export const PATRON_A = { cardNumber: '200000001', password: 'patron-a-password' };
export const PATRON_B = { cardNumber: '200000002', password: 'patron-b-password' };
const STAFF_PASSWORD = 'a long staff password';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An admin token forged without the server's secret: `alg: none`, no signature. */
function unsignedAdminToken(now: Date, ttlSeconds: number): string {
  const iat = Math.floor(now.getTime() / 1000);
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'admin', kind: 'staff', roles: ['admin'], iat, exp: iat + ttlSeconds })}.`;
}

/** A well-formed HS256 admin token, signed with a secret that is not the server's. */
function foreignAdminToken(now: Date, ttlSeconds: number): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ sub: 'admin', kind: 'staff', roles: ['admin'], iat, exp: iat + ttlSeconds }, 'not-the-server-secret-but-just-as-long!!', {
    algorithm: 'HS256',
  });
}

export type Credentials = Record<Caller, Record<string, string>>;

/**
 * Registers patrons A and B and the circulation and auditor staff accounts, then builds one header set per caller.
 * The expired token is a real patron token: the clock then moves past TOKEN_TTL_SECONDS and everyone else logs in afresh.
 */
export async function credentialsFor(library: LibraryFixture): Promise<Credentials> {
  const { app } = library;
  for (const role of ['circulation', 'auditor'] as const) {
    await app
      .http()
      .post('/staff/accounts')
      .set(bearer(library.staff))
      .send({ staffId: `staff-${role}`, name: role, roles: [role], password: STAFF_PASSWORD })
      .expect(201);
  }
  await library.patron(PATRON_A.cardNumber, PATRON_A.password);
  await library.patron(PATRON_B.cardNumber, PATRON_B.password);

  const expired = await patronToken(app, PATRON_A.cardNumber, PATRON_A.password);
  const ttl = app.config.TOKEN_TTL_SECONDS;
  app.clock.set(new Date(app.clock.now().getTime() + (ttl + 1) * 1000));
  const now = app.clock.now();

  return {
    'no token': {},
    'expired token': bearer(expired),
    'malformed token': { Authorization: 'Bearer this-is.not-a.token' },
    'unsigned token': bearer(unsignedAdminToken(now, ttl)),
    'token signed with another secret': bearer(foreignAdminToken(now, ttl)),
    'patron A': bearer(await patronToken(app, PATRON_A.cardNumber, PATRON_A.password)),
    'patron B': bearer(await patronToken(app, PATRON_B.cardNumber, PATRON_B.password)),
    'staff admin': bearer(await staffToken(app)),
    'staff circulation': bearer(await staffToken(app, 'staff-circulation', STAFF_PASSWORD)),
    'staff auditor': bearer(await staffToken(app, 'staff-auditor', STAFF_PASSWORD)),
  };
}

/** A caller the operation admits: patron A on /me, the admin on /staff, nobody on public operations. */
export function rightfulCaller(operationKey: string): Caller {
  const access = ACCESS[operationKey];
  if (!access) throw new Error(`${operationKey} is not classified in access-policy.ts`);
  switch (access.kind) {
    case 'public':
      return 'no token';
    case 'patron':
      return 'patron A';
    case 'staff':
      return 'staff admin';
    default: {
      const unreachable: never = access;
      throw new Error(`unknown access ${JSON.stringify(unreachable)}`);
    }
  }
}
