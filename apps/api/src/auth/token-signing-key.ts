import type { Provider } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import type { Logger } from 'pino';
import { APP_CONFIG, resolveTokenSecret, ROOT_LOGGER, type AppConfig } from '@libs/platform';

/** The HMAC key of the tokens (TokensService), built once rather than at every verification. */
export const TOKEN_SIGNING_KEY = Symbol('TOKEN_SIGNING_KEY');

/**
 * Resolved once when the api starts: TOKEN_SECRET, or the secret the api generated at its first start and keeps in
 * DATA_DIR/secrets/token-secret (a file others may read stops the start, exit code 78).
 */
export const tokenSigningKeyProvider: Provider = {
  provide: TOKEN_SIGNING_KEY,
  inject: [APP_CONFIG, ROOT_LOGGER],
  useFactory: async (config: AppConfig, logger: Logger) => {
    const { secret, source, path } = await resolveTokenSecret(config);
    if (source === 'generated') logger.info({ path }, 'generated the token secret (TOKEN_SECRET is not set); it is reused at every start');
    if (source === 'stored') logger.info({ path }, 'tokens are signed with the stored secret (TOKEN_SECRET is not set)');
    return createSecretKey(Buffer.from(secret, 'utf8'));
  },
};
