import { HttpStatus, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guards';
import { actorOf } from './responses';
import type { IdempotencyStore, StoredResponse } from './idempotency-store';
import { IDEMPOTENCY_FINGERPRINT_KEY, requestFingerprint } from './idempotency-fingerprint';
import { ProblemException, problemType } from '@libs/platform';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
const HEADER = 'idempotency-key';
const POSITION_HEADER = 'X-Event-Position';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const WAIT_FOR_FIRST_MS = 10_000;

/**
 * Idempotency-Key on POSTs: a repeat with the same key and body (its keys in any order) gets the first answer and
 * appends nothing; the same key with another body is a 422. The store keeps a keyed fingerprint of the request. A repeat that arrives while the first is still running
 * (a double-clicked button) waits for the first answer instead of running again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_FINGERPRINT_KEY) private readonly fingerprintKey: Buffer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const clientKey = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(clientKey)) {
      throw new ProblemException({
        type: problemType('invalid-idempotency-key'),
        title: 'Invalid Idempotency-Key',
        status: 400,
        detail: 'Idempotency-Key must be 1-128 letters, digits, ".", "_", ":" or "-".',
      });
    }
    const caller = request.principal ? actorOf(request.principal) : { kind: 'anonymous', id: request.ip };
    const key = `${caller.kind}:${caller.id}:${clientKey}`;
    const fingerprint = requestFingerprint(this.fingerprintKey, request.method, request.originalUrl, request.body);
    const response = context.switchToHttp().getResponse<Response>();
    // Nest applies the handler's status only after interceptors finish, so read it from the handler itself.
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return from(this.run(key, fingerprint, status, response, next));
  }

  private async run(key: string, fingerprint: string, status: number, response: Response, next: CallHandler): Promise<unknown> {
    const existing = await this.store.claim(key, fingerprint);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw this.mismatch();
      const first = existing.state === 'done' ? existing.response : await this.waitForFirst(key, fingerprint);
      response.status(first.status).setHeader('Idempotent-Replayed', 'true');
      if (first.eventPosition) response.setHeader(POSITION_HEADER, first.eventPosition);
      return first.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const position = response.getHeader(POSITION_HEADER);
      await this.store.complete(key, fingerprint, { status, body, ...(position === undefined ? {} : { eventPosition: String(position) }) });
      return body;
    } catch (error) {
      // A refused or failed request changed nothing; the client may correct it and retry with the same key.
      await this.store.release(key);
      throw error;
    }
  }

  private async waitForFirst(key: string, fingerprint: string): Promise<StoredResponse> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const record = await this.store.get(key);
      if (record?.state === 'done' && record.fingerprint === fingerprint) return record.response;
      if (!record) break;
    }
    throw new ProblemException(
      {
        type: problemType('idempotent-request-in-progress'),
        title: 'Request still in progress',
        status: 409,
        detail: 'A request with this Idempotency-Key is still being processed, or failed; retry shortly.',
      },
      { 'Retry-After': '1' },
    );
  }

  private mismatch() {
    return new ProblemException({
      type: problemType('idempotency-key-reused'),
      title: 'Idempotency-Key reused',
      status: 422,
      detail: 'This Idempotency-Key was already used with a different request body.',
    });
  }
}
