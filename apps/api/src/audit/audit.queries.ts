import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  UnknownPatron,
  UnknownTitle,
  fold,
  locationDecider,
  pickupDeadline,
  queuePosition,
  streamIds,
  titleDecider,
  type LocationEvent,
  type TitleEvent,
} from '@libs/domain';
import { CommandRunner, type Actor, type Recorded } from '@libs/platform';
import { CopyRegistry, HoldLocator } from '@libs/application';

/** One event as auditors see it: what happened, to which stream, who did it, when, why. */
export interface AuditEntry {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  actor: Actor;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string;
  reason: string | null;
  eventId: string;
}

export interface HoldAsOf {
  holdId: string;
  asOf: string;
  /** null when the hold did not exist yet at that instant. */
  status: string | null;
  titleId: string;
  cardNumber: string;
  pickupLocationId: string | null;
  copyId: string | null;
  queuePosition: number | null;
  noticeDay: string | null;
  /** The last pickup day as the location's calendar stood at that instant. */
  lastPickupDay: string | null;
  eventsApplied: number;
}

/**
 * Fields that hold a credential or its hash (PasswordSet, PasswordResetRequested, StaffAccountCreated). Login needs
 * them in the log; no answer ever carries them. The entry still says what happened: PasswordSet, `via`, and who
 * did it (`actor`).
 */
const CREDENTIAL_FIELDS = new Set(['passwordHash', 'tokenHash', 'newPasswordHash', 'password', 'token']);

/** The event's data without its credential fields. */
export function auditData(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !CREDENTIAL_FIELDS.has(field)));
}

const entryOf = (event: Recorded): AuditEntry => ({
  position: event.position.toString(),
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  data: auditData(event.data),
  actor: event.metadata.actor,
  occurredAt: event.metadata.occurredAt,
  recordedAt: event.recordedAt,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  reason: event.metadata.reason ?? null,
  eventId: event.id,
});

const concerns = (key: 'holdId' | 'copyId', id: string) => (event: Recorded) => (event.data as Record<string, unknown>)[key] === id;

export type HistorySubject = 'hold' | 'patron' | 'title' | 'copy';

/** Every event about one hold, patron, title or copy, from the event log itself (never a read model). */
export class HistoryQuery {
  constructor(
    readonly subject: HistorySubject,
    readonly id: string,
  ) {}
}

/**
 * A hold as it stood at an instant: the title's events that happened up to that instant, folded. "Happened" is
 * the event's occurredAt, the library's own clock when the command was decided.
 */
export class HoldAsOfQuery {
  constructor(
    readonly holdId: string,
    readonly asOf: Date,
  ) {}
}

@QueryHandler(HistoryQuery)
export class HistoryHandler implements IQueryHandler<HistoryQuery, AuditEntry[]> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locator: HoldLocator,
    private readonly copies: CopyRegistry,
  ) {}

  execute({ subject, id }: HistoryQuery): Promise<AuditEntry[]> {
    switch (subject) {
      case 'hold':
        return this.holdHistory(id);
      case 'patron':
        return this.patronHistory(id);
      case 'title':
        return this.titleHistory(id);
      case 'copy':
        return this.copyHistory(id);
      default: {
        const _exhaustive: never = subject;
        return _exhaustive;
      }
    }
  }

  private async holdHistory(holdId: string): Promise<AuditEntry[]> {
    const { titleId, cardNumber } = await this.locator.find(holdId);
    const [title, patron] = await Promise.all([this.commands.events(streamIds.title(titleId)), this.commands.events(streamIds.patron(cardNumber))]);
    return [...title, ...patron]
      .filter(concerns('holdId', holdId))
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .map(entryOf);
  }

  private async patronHistory(cardNumber: string): Promise<AuditEntry[]> {
    const events = await this.commands.events(streamIds.patron(cardNumber));
    if (events.length === 0) throw new UnknownPatron(cardNumber);
    return events.map(entryOf);
  }

  private async titleHistory(titleId: string): Promise<AuditEntry[]> {
    const events = await this.commands.events(streamIds.title(titleId));
    if (events.length === 0) throw new UnknownTitle(titleId);
    return events.map(entryOf);
  }

  private async copyHistory(copyId: string): Promise<AuditEntry[]> {
    const titleId = await this.copies.titleOf(copyId);
    const [registry, title] = await Promise.all([this.commands.events(streamIds.copy(copyId)), this.commands.events(streamIds.title(titleId))]);
    return [...registry, ...title.filter(concerns('copyId', copyId))].map(entryOf);
  }
}

@QueryHandler(HoldAsOfQuery)
export class HoldAsOfHandler implements IQueryHandler<HoldAsOfQuery, HoldAsOf> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locator: HoldLocator,
  ) {}

  async execute({ holdId, asOf }: HoldAsOfQuery): Promise<HoldAsOf> {
    const { titleId, cardNumber } = await this.locator.find(holdId);
    const upTo = (event: Recorded) => Date.parse(event.metadata.occurredAt) <= asOf.getTime();
    const events = (await this.commands.events<TitleEvent>(streamIds.title(titleId))).filter(upTo);
    const state = fold(titleDecider, events);
    const hold = state.holds[holdId];
    let lastPickupDay: string | null = null;
    if (hold?.status === 'ready' && hold.noticeDay && hold.pickupOpenDays) {
      const locationEvents = (await this.commands.events<LocationEvent>(streamIds.location(hold.pickupLocationId))).filter(upTo);
      const location = fold(locationDecider, locationEvents);
      lastPickupDay = pickupDeadline(hold.noticeDay, hold.pickupOpenDays, location.calendar);
    }
    return {
      holdId,
      asOf: asOf.toISOString(),
      status: hold?.status ?? null,
      titleId,
      cardNumber,
      pickupLocationId: hold?.pickupLocationId ?? null,
      copyId: hold?.copyId ?? null,
      queuePosition: hold ? queuePosition(state, holdId) : null,
      noticeDay: hold?.noticeDay ?? null,
      lastPickupDay: lastPickupDay ?? hold?.lastPickupDay ?? null,
      eventsApplied: events.length,
    };
  }
}
