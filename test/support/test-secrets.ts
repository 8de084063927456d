/**
 * The secrets every test harness passes explicitly (the product has no default secret or admin password): the
 * admin the fixtures log in as, and a token secret shared by the app processes of one test.
 */
export const TEST_ADMIN: Readonly<{ staffId: string; password: string }> = { staffId: 'admin', password: 'test-admin-password' };

export const TEST_TOKEN_SECRET = 'test-only-token-secret-not-for-any-deployment-0123456789';

/** The environment a harness gives the app: a test's own `env` may still override either. */
export const TEST_SECRETS_ENV: Record<'TOKEN_SECRET' | 'STAFF_ADMIN_PASSWORD', string> = {
  TOKEN_SECRET: TEST_TOKEN_SECRET,
  STAFF_ADMIN_PASSWORD: TEST_ADMIN.password,
};
