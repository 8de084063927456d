import type { StaffRole } from '@libs/domain';

/**
 * Who may call each operation of the API (I7). The authorization matrix test fails for an operation of the OpenAPI
 * document that is missing here, so a new endpoint cannot ship without someone deciding who may call it.
 *
 * - public: answers without a token (and ignores any token sent);
 * - patron: a patron token; the patron is whoever the token names;
 * - staff: a staff token with one of the listed roles (admin may do everything).
 */
export type Access = { kind: 'public' } | { kind: 'patron' } | { kind: 'staff'; roles: readonly StaffRole[] };

const PUBLIC: Access = { kind: 'public' };
const PATRON: Access = { kind: 'patron' };
const ANY_STAFF: Access = { kind: 'staff', roles: ['admin', 'circulation', 'auditor'] };
/** Changes at the desk: placing and cancelling holds, checkouts, patrons, catalogue. */
const DESK: Access = { kind: 'staff', roles: ['admin', 'circulation'] };
/** Full histories, for auditors and the desk. */
const HISTORY: Access = ANY_STAFF;
const ADMIN: Access = { kind: 'staff', roles: ['admin'] };

export const ACCESS: Record<string, Access> = {
  'GET /health': PUBLIC,
  'GET /library': PUBLIC,
  'POST /auth/login': PUBLIC,
  'POST /auth/password-reset': PUBLIC,
  'POST /auth/password-reset/confirm': PUBLIC,
  'POST /staff/auth/login': PUBLIC,

  'GET /me': PATRON,
  'GET /me/loans': PATRON,
  'GET /me/holds': PATRON,
  'POST /me/holds': PATRON,
  'GET /me/holds/ready': PATRON,
  'POST /me/holds/batch': PATRON,
  'DELETE /me/holds/{holdId}': PATRON,
  'PUT /me/email': PATRON,
  'PUT /me/password': PATRON,

  'POST /staff/accounts': ADMIN,
  'POST /staff/locations': ADMIN,
  'GET /staff/locations': ANY_STAFF,
  'PUT /staff/locations/{id}/calendar': DESK,
  'GET /staff/locations/holidays': ANY_STAFF,
  'GET /staff/locations/{id}/hold-shelf': ANY_STAFF,
  'GET /staff/locations/{id}/clearance': ANY_STAFF,
  'GET /staff/locations/{id}/pull-list': ANY_STAFF,
  'GET /staff/locations/{id}/call-list': ANY_STAFF,

  'POST /staff/titles': DESK,
  'POST /staff/copies': DESK,
  'GET /staff/titles/{id}': ANY_STAFF,
  'GET /staff/titles/{id}/history': HISTORY,
  'GET /staff/copies/{id}/history': HISTORY,

  'POST /staff/patrons': DESK,
  'POST /staff/patrons/{card}/password': DESK,
  'POST /staff/patrons/{card}/renewal': DESK,
  'GET /staff/patrons/{card}': ANY_STAFF,
  'GET /staff/patrons/{card}/history': HISTORY,

  'POST /staff/checkouts': DESK,
  'POST /staff/checkins': DESK,
  'POST /staff/hold-shelf/clearances': DESK,
  'POST /staff/holds/{holdId}/contacts': DESK,
  'POST /staff/holds': DESK,
  'DELETE /staff/holds/{holdId}': DESK,
  'GET /staff/holds/{holdId}': ANY_STAFF,
  'GET /staff/holds/{holdId}/history': HISTORY,

  'GET /staff/notifications/failed': ANY_STAFF,

  'GET /staff/projections': ADMIN,
  'POST /staff/projections/restart': ADMIN,

  'GET /staff/expiry/due': DESK,
  'POST /staff/expiry/sweep': DESK,
};
