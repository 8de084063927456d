import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { AuthController, StaffAuthController } from './auth.controller';
import { PatronGuard, StaffGuard } from './auth.guards';
import { LOGIN_THROTTLE, LoginGate, PatronLoginHandler, StaffLoginHandler } from './login';
import { InMemoryLoginThrottle, RedisLoginThrottle, type LoginThrottles, type ThrottleLimits } from './login-throttle';
import { CompletePasswordResetHandler, RequestPasswordResetHandler } from './password-reset';
import { TokensService } from './tokens.service';

/** Five failures per card (or staff id) and thirty per client address in 15 minutes lock further tries. */
const ACCOUNT_LIMITS = { maxFailures: 5, windowSeconds: 15 * 60 };
const ADDRESS_LIMITS = { maxFailures: 30, windowSeconds: 15 * 60 };

/**
 * Who is calling: patron and staff login (R1, R4) with throttling, the forgotten-password reset (R27), the bearer
 * tokens, and the guards every other feature's controllers use (I7). Global within the api.
 */
@Global()
@Module({
  controllers: [AuthController, StaffAuthController],
  providers: [
    TokensService,
    PatronGuard,
    StaffGuard,
    LoginGate,
    PatronLoginHandler,
    StaffLoginHandler,
    RequestPasswordResetHandler,
    CompletePasswordResetHandler,
    {
      provide: LOGIN_THROTTLE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): LoginThrottles => {
        const throttle = (limits: ThrottleLimits) =>
          redis ? new RedisLoginThrottle(redis, config.REDIS_KEY_PREFIX, limits) : new InMemoryLoginThrottle(limits);
        return { account: throttle(ACCOUNT_LIMITS), address: throttle(ADDRESS_LIMITS) };
      },
    },
  ],
  exports: [TokensService, PatronGuard, StaffGuard],
})
export class AuthModule {}
