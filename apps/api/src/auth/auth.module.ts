import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { AuthController, StaffAuthController } from './auth.controller';
import { PatronGuard, StaffGuard } from './auth.guards';
import { LOGIN_THROTTLE, LoginGate, PatronLoginHandler, StaffLoginHandler } from './login';
import { InMemoryLoginThrottle, RedisLoginThrottle, type LoginThrottle } from './login-throttle';
import { CompletePasswordResetHandler, RequestPasswordResetHandler } from './password-reset';
import { PasswordHashing } from './passwords';
import { tokenSigningKeyProvider } from './token-signing-key';
import { TokensService } from './tokens.service';

/**
 * Who is calling: patron and staff login (R1, R4) with throttling, the forgotten-password reset (R27), the bearer
 * tokens, and the guards every other feature's controllers use (I7). Global within the api: the login gate and the
 * bounded password hashing serve the patrons' and staff accounts' handlers too. The throttle's counts live in Redis
 * when there is one (shared by every api process), else in the process.
 */
@Global()
@Module({
  controllers: [AuthController, StaffAuthController],
  providers: [
    tokenSigningKeyProvider,
    TokensService,
    PatronGuard,
    StaffGuard,
    LoginGate,
    PatronLoginHandler,
    StaffLoginHandler,
    RequestPasswordResetHandler,
    CompletePasswordResetHandler,
    { provide: PasswordHashing, useFactory: () => new PasswordHashing() },
    {
      provide: LOGIN_THROTTLE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): LoginThrottle =>
        redis ? new RedisLoginThrottle(redis, config.REDIS_KEY_PREFIX) : new InMemoryLoginThrottle(),
    },
  ],
  exports: [TokensService, PatronGuard, StaffGuard, LoginGate, PasswordHashing],
})
export class AuthModule {}
