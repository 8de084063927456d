import type { DomainEvent, EmailRegistered, HoldPlaced, HoldReady } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';
import type { Delivery, DispatchResult, NotificationDispatcher } from '../delivery/notification-dispatcher';
import { localDateIn } from '../mail/format-dates';
import type { MailData, MailKind, MailLanguage } from '../mail/mail-kinds';
import { renderMail } from '../mail/render-mail';
import { silentLogger, systemClock, type NotificationClock, type NotificationLogger } from '../notification-runtime';
import type {
  NotificationLookups,
  NotificationPolicy,
  OverdueReminderRequest,
  PasswordResetRequest,
  PatronContact,
  PickupReminderRequest,
} from './notification-lookups';

export type NotificationDecision = { action: 'send'; delivery: Delivery } | { action: 'none'; reason: string };

/** What became of an event or a request: a dispatch result, or why there was nothing to mail. */
export type Reaction = DispatchResult | { status: 'nothing-to-send'; reason: string };

export interface NotificationReactorOptions {
  dispatcher: NotificationDispatcher;
  lookups: NotificationLookups;
  policy: NotificationPolicy;
  /** R24: linked from notification mails when set and the policy links it. */
  statusPageBaseUrl?: string | null;
  /** R27: the page that takes a reset token; without it the mail gives the token as a code. */
  passwordResetUrl?: string | null;
  /** Language for patrons without one of their own. Default `ja`. */
  language?: MailLanguage;
  clock?: NotificationClock;
  logger?: NotificationLogger;
}

/** The mail an event type can cause; events of other types never cause one. */
const mailOfEvent: Partial<Record<DomainEvent['type'], MailKind>> = {
  HoldReady: 'hold-ready',
  EmailRegistered: 'email-registered',
  HoldPlaced: 'hold-placed',
};

/**
 * Decides which mail an event causes and hands it to the dispatcher. Feed it every event of $all
 * (from its own subscription, so a slow relay never holds the projections back); it is safe to feed
 * the same event twice, since each delivery is keyed by the causing event's id and the mail kind.
 * Phone, ring-only and voicemail holds (R14) are not mailed: they are the staff call list's.
 * The time-driven mails (overdue, pickup reminder) and the password reset come in as direct calls.
 */
export class NotificationReactor {
  private readonly clock: NotificationClock;
  private readonly logger: NotificationLogger;
  private readonly timeZone: string;

  constructor(private readonly options: NotificationReactorOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.timeZone = options.policy.timeZone ?? 'Asia/Tokyo';
  }

  async handle(event: RecordedEvent): Promise<Reaction> {
    const kind = mailOfEvent[event.type as DomainEvent['type']];
    if (!kind) return nothing(`no mail for ${event.type}`);
    // A replay skips the lookups of everything already settled.
    return this.sendUnlessSettled(kind, event.id, () => this.decide(event));
  }

  /** The mail an event calls for, fully rendered, or why there is none. Sends nothing. */
  async decide(event: RecordedEvent): Promise<NotificationDecision> {
    const domainEvent = { type: event.type, data: event.data } as DomainEvent;
    switch (domainEvent.type) {
      case 'HoldReady':
        return this.holdReady(domainEvent.data, event.id);
      case 'EmailRegistered':
        return this.emailRegistered(domainEvent.data, event.id);
      case 'HoldPlaced':
        return this.holdPlaced(domainEvent.data, event.id);
      case 'LocationRegistered':
      case 'CalendarChanged':
      case 'StaffAccountCreated':
      case 'CopyRegistered':
      case 'PatronRegistered':
      case 'CardRenewed':
      case 'PasswordSet':
      case 'PasswordResetRequested':
      case 'HoldSlotClaimed':
      case 'HoldSlotReleased':
      case 'TitleCatalogued':
      case 'CopyAdded':
      case 'CopyCheckedOut':
      case 'CopyReturned':
      case 'HoldInTransit':
      case 'HoldFulfilled':
      case 'PickupExpired':
      case 'HoldCancelled':
      case 'HoldShelfCleared':
      case 'PatronContacted':
        return none(`no mail for ${domainEvent.type}`);
      default: {
        const _unknown: never = domainEvent;
        return none(`no mail for unknown event ${event.type}`);
      }
    }
  }

  /** R27: the event stores only the token's hash, so the API hands the raw token over here, once. */
  async sendPasswordReset(request: PasswordResetRequest): Promise<Reaction> {
    if (this.options.policy.onlinePasswordReset === false) return nothing('the policy has no online password reset');
    return this.sendUnlessSettled('password-reset', request.causationId, async () => {
      const patron = await this.options.lookups.patron(request.cardNumber);
      return this.mail('password-reset', request.causationId, request.email, patron, {
        patronName: patron?.name ?? '',
        token: request.rawToken,
        expiresAt: request.expiresAt,
      });
    });
  }

  /** The optional reminder a few open days before the last pickup day; the worker's sweep finds the holds. */
  async sendPickupReminder(request: PickupReminderRequest): Promise<Reaction> {
    const openDaysBefore = this.options.policy.pickupReminderOpenDaysBefore;
    if (openDaysBefore === null || openDaysBefore === undefined || openDaysBefore <= 0) return nothing('the policy sends no pickup reminders');
    if (request.contactMethod !== 'email') return nothing(`contact method is ${request.contactMethod}`);
    return this.sendUnlessSettled('pickup-reminder', request.causationId, async () => {
      const patron = await this.options.lookups.patron(request.cardNumber);
      if (!patron?.email) return none('the patron has no e-mail address');
      return this.mail('pickup-reminder', request.causationId, patron.email, patron, {
        patronName: patron.name,
        titleName: await this.titleName(request.titleId),
        pickupLocationName: await this.locationName(request.pickupLocationId),
        lastPickupDay: request.lastPickupDay,
      });
    });
  }

  /** R26 (Library A): the overdue loans of one patron, from the worker's overdue sweep. */
  async sendOverdueReminder(request: OverdueReminderRequest): Promise<Reaction> {
    if (!this.options.policy.overdueReminderMail) return nothing('the policy sends no overdue reminders');
    if (request.loans.length === 0) return nothing('no overdue loans');
    return this.sendUnlessSettled('overdue-reminder', request.causationId, async () => {
      const patron = await this.options.lookups.patron(request.cardNumber);
      if (!patron?.email) return none('the patron has no e-mail address');
      const loans = [];
      for (const loan of request.loans) loans.push({ titleName: await this.titleName(loan.titleId), dueOn: loan.dueOn });
      return this.mail('overdue-reminder', request.causationId, patron.email, patron, { patronName: patron.name, loans });
    });
  }

  /** R14, R17: only holds whose contact method is e-mail get a mail. */
  private async holdReady(data: HoldReady['data'], causationId: string): Promise<NotificationDecision> {
    if (data.contactMethod !== 'email') return none(`contact method is ${data.contactMethod}`);
    const { lookups } = this.options;
    const lastPickupDay = lookups.lastPickupDay ? await lookups.lastPickupDay(data.holdId, data.titleId) : data.lastPickupDay;
    if (lastPickupDay === null) return none('the hold is no longer ready');
    if (lastPickupDay < localDateIn(this.clock.now(), this.timeZone)) return none('the pickup window is over');
    const patron = await lookups.patron(data.cardNumber);
    if (!patron?.email) {
      this.logger.warn({ holdId: data.holdId, causationId }, 'ready hold with e-mail contact, but the patron has no address');
      return none('the patron has no e-mail address');
    }
    return this.mail('hold-ready', causationId, patron.email, patron, {
      patronName: patron.name,
      titleName: await this.titleName(data.titleId),
      pickupLocationName: await this.locationName(data.pickupLocationId),
      lastPickupDay,
    });
  }

  /** R25: the confirmation goes to the new address, worded as the library words it. */
  private async emailRegistered(data: EmailRegistered['data'], causationId: string): Promise<NotificationDecision> {
    const patron = await this.options.lookups.patron(data.cardNumber);
    return this.mail('email-registered', causationId, data.email, patron, {
      patronName: patron?.name ?? '',
      email: data.email,
      notice: this.options.policy.emailChangeMail ?? (data.previousEmail === null ? 'registration-confirmation' : 'change-completed'),
    });
  }

  /** R15: only online placements, only when the policy asks for it. */
  private async holdPlaced(data: HoldPlaced['data'], causationId: string): Promise<NotificationDecision> {
    if (!this.options.policy.placedHoldConfirmationMail) return none('the policy sends no placed-hold confirmations');
    if (data.placedVia !== 'online') return none('placed at the counter');
    const patron = await this.options.lookups.patron(data.cardNumber);
    if (!patron?.email) return none('the patron has no e-mail address');
    return this.mail('hold-placed', causationId, patron.email, patron, {
      patronName: patron.name,
      holds: [{ titleName: await this.titleName(data.titleId), pickupLocationName: await this.locationName(data.pickupLocationId) }],
    });
  }

  private mail<K extends MailKind>(kind: K, causationId: string, to: string, patron: PatronContact | null, data: MailData[K]): NotificationDecision {
    const { policy } = this.options;
    const rendered = renderMail(kind, data, {
      libraryName: policy.libraryName,
      language: patron?.language ?? this.options.language ?? 'ja',
      statusPageBaseUrl: policy.statusPageLinkInMails === false ? null : this.options.statusPageBaseUrl,
      passwordResetUrl: this.options.passwordResetUrl,
      timeZone: this.timeZone,
    });
    return { action: 'send', delivery: { kind, causationId, to, ...rendered } };
  }

  private async sendUnlessSettled(kind: MailKind, causationId: string, decide: () => Promise<NotificationDecision>): Promise<Reaction> {
    const settled = await this.options.dispatcher.settled(kind, causationId);
    if (settled) return { status: 'already-handled', record: settled };
    return this.dispatch(await decide());
  }

  private async dispatch(decision: NotificationDecision): Promise<Reaction> {
    if (decision.action === 'none') return nothing(decision.reason);
    return this.options.dispatcher.dispatch(decision.delivery);
  }

  /** A name missing from a lagging read model should not cost the patron the mail: the id stands in. */
  private async titleName(titleId: string): Promise<string> {
    const name = await this.options.lookups.titleName(titleId);
    if (name === null) this.logger.warn({ titleId }, 'title name unknown, mailing its id');
    return name ?? titleId;
  }

  private async locationName(locationId: string): Promise<string> {
    const name = await this.options.lookups.locationName(locationId);
    if (name === null) this.logger.warn({ locationId }, 'location name unknown, mailing its id');
    return name ?? locationId;
  }
}

function none(reason: string): NotificationDecision {
  return { action: 'none', reason };
}

function nothing(reason: string): Reaction {
  return { status: 'nothing-to-send', reason };
}
