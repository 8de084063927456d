import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the product reads, with its default. The defaults give the embedded mode:
 * lmdb event store under ./data, read models in memory, mails written to ./data/outbox, HTTP on 127.0.0.1.
 * No secret has a default: what is in this file is public.
 * The property names ARE the variable names, so an error message names the variable to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** `all` runs the HTTP API and the worker in one process; `api` and `worker` split them (docker compose). */
  @IsIn(['all', 'api', 'worker'])
  APP_ROLE: 'all' | 'api' | 'worker' = 'all';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Loopback unless told otherwise: a development start is not reachable from the network (docker compose sets 0.0.0.0). */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['lmdb', 'eventstoredb'])
  EVENT_STORE: 'lmdb' | 'eventstoredb' = 'lmdb';

  /** Root of the embedded data: the lmdb event store (DATA_DIR/events) and the mail outbox (DATA_DIR/outbox). */
  @IsString()
  @IsNotEmpty()
  DATA_DIR = './data';

  @IsOptional()
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kdb):\/\/.+/, { message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// connection string' })
  EVENTSTORE_CONNECTION_STRING?: string = undefined;

  /** How long one EventStoreDB call may take; past it the request gets 503 event-store-unavailable. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  EVENTSTORE_CALL_TIMEOUT_MS = 10_000;

  @IsIn(['memory', 'redis'])
  READ_MODEL_STORE: 'memory' | 'redis' = 'memory';

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  /** Key prefix of everything the product keeps in Redis, so several deployments can share one server. */
  @IsString()
  @Matches(/^[a-z0-9:_-]+$/i, { message: 'REDIS_KEY_PREFIX may contain letters, digits, ":", "_" and "-" only' })
  REDIS_KEY_PREFIX = 'holds:';

  @IsIn(['library-a', 'library-b'])
  LIBRARY_POLICY: 'library-a' | 'library-b' = 'library-b';

  /** A JSON policy file that replaces the preset (validated at start). */
  @IsOptional()
  @IsString()
  POLICY_FILE?: string = undefined;

  @IsOptional()
  @IsString()
  LIBRARY_NAME?: string = undefined;

  /**
   * Signs patron and staff tokens. Unset, the api generates one at its first start and keeps it in
   * DATA_DIR/secrets/token-secret (libs/platform/src/config/token-secret.ts); required and strong when NODE_ENV=production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'TOKEN_SECRET must be at least 32 characters' })
  TOKEN_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  TOKEN_TTL_SECONDS = 3600;

  /** The first staff administrator, created at start if missing. */
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/i, { message: 'STAFF_ADMIN_ID must be 3-64 letters, digits, ".", "_" or "-"' })
  STAFF_ADMIN_ID = 'admin';

  /** Unset, the first administrator gets a random password printed once at its creation; required and strong when NODE_ENV=production. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'STAFF_ADMIN_PASSWORD must be at least 8 characters' })
  STAFF_ADMIN_PASSWORD?: string = undefined;

  @IsIn(['outbox', 'smtp'])
  MAIL_TRANSPORT: 'outbox' | 'smtp' = 'outbox';

  @IsOptional()
  @IsString()
  SMTP_HOST?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string = undefined;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string = undefined;

  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'library@example.invalid';

  /** Base URL of the patron status page linked from mails (R24). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'STATUS_PAGE_BASE_URL must be an http(s) URL' })
  STATUS_PAGE_BASE_URL?: string = undefined;

  /** Largest accepted request body (bytes); larger ones get 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 65536;

  /**
   * A hold slot claimed this many seconds ago whose hold never reached the title (the placing process died
   * between its two appends) is released by the worker's claim repair.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  HOLD_CLAIM_REPAIR_AFTER_SECONDS = 120;

  /** Local time (HH:MM, library time zone) the daily expiry sweep runs at. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'EXPIRY_SWEEP_AT must be HH:MM' })
  EXPIRY_SWEEP_AT = '00:05';
}
