import { policyPresets, type ContactMethod, type HoldPlaced, type HoldReady } from '@libs/domain';
import { recorded } from '../../test/recorded-event';
import { RecordingMailer } from '../../test/recording-mailer';
import { InMemoryDeliveryLedger } from '../delivery/in-memory-delivery-ledger';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import type { NotificationLookups, NotificationPolicy, PatronContact } from './notification-lookups';
import { NotificationReactor, type NotificationReactorOptions } from './notification-reactor';

const patrons: Record<string, PatronContact> = {
  '123456789': { name: '山田 花子', email: 'hanako@example.jp' },
  '222222222': { name: '佐藤 次郎', email: null },
  '333333333': { name: 'Emma Brown', email: 'emma@example.jp', language: 'en' },
};
const titles: Record<string, string> = { T1: '吾輩は猫である', T2: '坊っちゃん' };
const locations: Record<string, string> = { L1: '南郷図書館' };

const holdReady = (overrides: Partial<HoldReady['data']> = {}) =>
  recorded<HoldReady>({
    type: 'HoldReady',
    data: {
      titleId: 'T1',
      holdId: 'H1',
      cardNumber: '123456789',
      copyId: 'C1',
      pickupLocationId: 'L1',
      contactMethod: 'email',
      noticeDay: '2026-11-23',
      pickupOpenDays: 10,
      lastPickupDay: '2026-12-05',
      ...overrides,
    },
  });

const holdPlaced = (overrides: Partial<HoldPlaced['data']> = {}) =>
  recorded<HoldPlaced>({
    type: 'HoldPlaced',
    data: { titleId: 'T2', holdId: 'H2', cardNumber: '123456789', pickupLocationId: 'L1', contactMethod: 'email', placedVia: 'online', ...overrides },
  });

describe('NotificationReactor', () => {
  let mailer: RecordingMailer;
  let lookupCalls: number;

  type ReactorOverrides = Omit<Partial<NotificationReactorOptions>, 'policy' | 'lookups'> & {
    policy?: Partial<NotificationPolicy>;
    lookups?: Partial<NotificationLookups>;
  };
  const reactor = (options: ReactorOverrides = {}) => {
    const lookups: NotificationLookups = {
      patron: (card) => {
        lookupCalls += 1;
        return patrons[card] ?? null;
      },
      titleName: (id) => titles[id] ?? null,
      locationName: async (id) => locations[id] ?? null,
      ...options.lookups,
    };
    const dispatcher = new NotificationDispatcher({ mailer, ledger: new InMemoryDeliveryLedger(), messageIdDomain: 'lib.example.jp' });
    return new NotificationReactor({
      clock: { now: () => new Date('2026-11-23T03:00:00Z') },
      statusPageBaseUrl: 'https://lib.example.jp/status',
      ...options,
      dispatcher,
      lookups,
      policy: { libraryName: '八戸市立図書館', placedHoldConfirmationMail: true, ...options.policy },
    });
  };

  beforeEach(() => {
    mailer = new RecordingMailer();
    lookupCalls = 0;
  });

  it('R17 mails a ready hold whose contact method is e-mail, with title, pickup location, last pickup day and status link', async () => {
    const event = holdReady();
    const reaction = await reactor().handle(event);

    expect(reaction).toMatchObject({ status: 'sent', record: { kind: 'hold-ready', causationId: event.id, recipient: 'hanako@example.jp' } });
    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail).toMatchObject({
      to: 'hanako@example.jp',
      subject: '【八戸市立図書館】予約資料のご用意ができました',
      messageId: `<hold-ready.${event.id}@lib.example.jp>`,
    });
    expect(mail.text).toContain('資料名：吾輩は猫である\n受取場所：南郷図書館\n取置期限：2026年12月5日(土)');
    expect(mail.text).toContain('https://lib.example.jp/status');
  });

  it.each<ContactMethod>(['phone', 'ring-only', 'voicemail', 'none'])('R14 mails nothing for a ready hold with contact method %s', async (contactMethod) => {
    expect(await reactor().handle(holdReady({ contactMethod }))).toEqual({ status: 'nothing-to-send', reason: `contact method is ${contactMethod}` });
    expect(mailer.sent).toHaveLength(0);
  });

  it('mails nothing for a ready hold when the patron has no address', async () => {
    expect(await reactor().handle(holdReady({ cardNumber: '222222222' }))).toMatchObject({ status: 'nothing-to-send' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('R30 mails the last pickup day as it is now, moved by a closure added after the notice', async () => {
    await reactor({ lookups: { lastPickupDay: () => '2026-12-07' } }).handle(holdReady());
    expect(mailer.sent[0].text).toContain('取置期限：2026年12月7日(月)');
  });

  it('mails nothing for a hold no longer ready, or whose pickup window is over, when the event is handled late', async () => {
    expect(await reactor({ lookups: { lastPickupDay: () => null } }).handle(holdReady())).toEqual({
      status: 'nothing-to-send',
      reason: 'the hold is no longer ready',
    });
    expect(await reactor().handle(holdReady({ lastPickupDay: '2026-11-22' }))).toEqual({ status: 'nothing-to-send', reason: 'the pickup window is over' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('mails the last pickup day itself, in the library time zone', async () => {
    const lastEvening = reactor({ clock: { now: () => new Date('2026-12-05T14:59:00Z') } });
    expect((await lastEvening.handle(holdReady())).status).toBe('sent');
    const nextMorningInTokyo = reactor({ clock: { now: () => new Date('2026-12-05T15:00:00Z') } });
    expect(await nextMorningInTokyo.handle(holdReady())).toEqual({ status: 'nothing-to-send', reason: 'the pickup window is over' });
  });

  it('mails a replayed event once, without looking anything up the second time', async () => {
    const subject = reactor();
    const event = holdReady();
    await subject.handle(event);
    const callsAfterFirst = lookupCalls;

    expect(await subject.handle(event)).toMatchObject({ status: 'already-handled', record: { state: 'sent' } });
    expect(lookupCalls).toBe(callsAfterFirst);
    expect(mailer.sent).toHaveLength(1);
  });

  it('writes in the patron’s own language when the app knows it', async () => {
    await reactor().handle(holdReady({ cardNumber: '333333333' }));
    expect(mailer.sent[0].subject).toBe('[八戸市立図書館] Your hold is ready for pickup');
    expect(mailer.sent[0].text.startsWith('Dear Emma Brown,')).toBe(true);
  });

  it('stands the id in for a title name the read model does not know yet', async () => {
    await reactor().handle(holdReady({ titleId: 'T9' }));
    expect(mailer.sent[0].text).toContain('資料名：T9');
  });

  it('R25 mails the registration confirmation to the new address, or the change notice, when the policy names neither', async () => {
    const subject = reactor();
    await subject.handle(
      recorded({ type: 'EmailRegistered', data: { cardNumber: '222222222', email: 'jiro@example.jp', previousEmail: null } }, 'patron-222222222'),
    );
    await subject.handle(
      recorded({ type: 'EmailRegistered', data: { cardNumber: '123456789', email: 'new@example.jp', previousEmail: 'hanako@example.jp' } }, 'patron-123456789'),
    );

    expect(mailer.sent.map((mail) => [mail.to, mail.subject])).toEqual([
      ['jiro@example.jp', '【八戸市立図書館】メールアドレスの登録確認通知'],
      ['new@example.jp', '【八戸市立図書館】メールアドレス変更完了のお知らせ'],
    ]);
    expect(mailer.sent[0].text.startsWith('佐藤 次郎 様')).toBe(true);
  });

  it('R15 confirms a hold placed online when the policy asks for it', async () => {
    await reactor().handle(holdPlaced());
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].subject).toBe('【八戸市立図書館】予約受付のお知らせ');
    expect(mailer.sent[0].text).toContain('・坊っちゃん（受取場所：南郷図書館）');
  });

  it('R15 confirms nothing when the policy does not ask for it, or for a hold placed at the counter', async () => {
    expect(await reactor({ policy: { placedHoldConfirmationMail: false } }).handle(holdPlaced())).toMatchObject({ status: 'nothing-to-send' });
    expect(await reactor().handle(holdPlaced({ placedVia: 'counter' }))).toEqual({ status: 'nothing-to-send', reason: 'placed at the counter' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('mails nothing for events that call for no mail, known or not', async () => {
    const subject = reactor();
    const expired = recorded({
      type: 'PickupExpired',
      data: {
        titleId: 'T1',
        holdId: 'H1',
        cardNumber: '123456789',
        copyId: 'C1',
        pickupLocationId: 'L1',
        lastPickupDay: '2026-12-05',
        expiredOn: '2026-12-07',
      },
    });
    expect(await subject.handle(expired)).toEqual({ status: 'nothing-to-send', reason: 'no mail for PickupExpired' });
    expect(await subject.decide({ ...expired, type: 'SomethingNew' })).toEqual({ action: 'none', reason: 'no mail for unknown event SomethingNew' });
    expect(await subject.handle({ ...expired, type: 'SomethingNew' })).toMatchObject({ status: 'nothing-to-send' });
    expect(
      await subject.handle(
        recorded({ type: 'PasswordResetRequested', data: { cardNumber: '123456789', tokenHash: 'h', expiresAt: '2026-11-23T04:00:00Z' } }, 'patron-123456789'),
      ),
    ).toMatchObject({ status: 'nothing-to-send' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('R27 mails the raw reset token the API hands over, once per request', async () => {
    const subject = reactor({ passwordResetUrl: 'https://lib.example.jp/reset' });
    const request = {
      cardNumber: '123456789',
      email: 'hanako@example.jp',
      rawToken: 'raw-token-1',
      expiresAt: '2026-11-23T04:00:00Z',
      causationId: 'evt-reset-1',
    };

    expect((await subject.sendPasswordReset(request)).status).toBe('sent');
    expect((await subject.sendPasswordReset(request)).status).toBe('already-handled');

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].to).toBe('hanako@example.jp');
    expect(mailer.sent[0].text).toContain('https://lib.example.jp/reset?token=raw-token-1');
    expect(mailer.sent[0].text).toContain('2026年11月23日(月) 13:00までに');
  });

  it('sends pickup reminders only when the policy has them, and only to e-mail contacts', async () => {
    const request = {
      cardNumber: '123456789',
      titleId: 'T1',
      pickupLocationId: 'L1',
      contactMethod: 'email' as const,
      lastPickupDay: '2026-12-05',
      causationId: 'ready-1',
    };
    expect(await reactor().sendPickupReminder(request)).toEqual({ status: 'nothing-to-send', reason: 'the policy sends no pickup reminders' });
    const withReminders = reactor({ policy: { pickupReminderOpenDaysBefore: 2 } });
    expect(await withReminders.sendPickupReminder({ ...request, contactMethod: 'phone' })).toMatchObject({ status: 'nothing-to-send' });
    expect((await withReminders.sendPickupReminder(request)).status).toBe('sent');
    expect((await withReminders.sendPickupReminder(request)).status).toBe('already-handled');

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].subject).toBe('【八戸市立図書館】予約資料の取置期限が近づいています');
  });

  it('R26 sends overdue reminders only when the policy has them', async () => {
    const request = { cardNumber: '123456789', loans: [{ titleId: 'T2', dueOn: '2026-11-20' }], causationId: 'overdue-2026-11-23-123456789' };
    expect(await reactor().sendOverdueReminder(request)).toEqual({ status: 'nothing-to-send', reason: 'the policy sends no overdue reminders' });
    const libraryA = reactor({ policy: { overdueReminderMail: true } });
    expect(await libraryA.sendOverdueReminder({ ...request, loans: [] })).toEqual({ status: 'nothing-to-send', reason: 'no overdue loans' });
    expect((await libraryA.sendOverdueReminder(request)).status).toBe('sent');

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].text).toContain('・坊っちゃん（返却期限：2026年11月20日(金)）');
  });

  describe('with the domain policy presets as they are', () => {
    const withPreset = (id: 'library-a' | 'library-b') => reactor({ policy: policyPresets[id] });

    it('takes the domain Policy as it is, with no mapping', () => {
      const policy: NotificationPolicy = policyPresets['library-b'];
      expect(policy.placedHoldConfirmationMail).toBe(true);
    });
    const emailChanged = () =>
      recorded({ type: 'EmailRegistered', data: { cardNumber: '123456789', email: 'new@example.jp', previousEmail: 'hanako@example.jp' } }, 'patron-123456789');

    it('R24 R25 Library A: no status page link; the registration confirmation even for a changed address', async () => {
      await withPreset('library-a').handle(emailChanged());
      expect(mailer.sent[0].subject).toBe('【Library A】メールアドレスの登録確認通知');
      expect(mailer.sent[0].text).not.toContain('https://lib.example.jp/status');
    });

    it('R24 R25 Library B: the status page link; the change-completed notice even for a first address', async () => {
      await withPreset('library-b').handle(
        recorded({ type: 'EmailRegistered', data: { cardNumber: '222222222', email: 'jiro@example.jp', previousEmail: null } }, 'patron-222222222'),
      );
      expect(mailer.sent[0].subject).toBe('【Library B】メールアドレス変更完了のお知らせ');
      expect(mailer.sent[0].text).toContain('https://lib.example.jp/status');
    });

    it('R15 R27 Library A: no placed-hold confirmation, no reset mail', async () => {
      const libraryA = withPreset('library-a');
      expect(await libraryA.handle(holdPlaced())).toMatchObject({ status: 'nothing-to-send' });
      const reset = { cardNumber: '123456789', email: 'hanako@example.jp', rawToken: 't', expiresAt: '2026-11-23T04:00:00Z', causationId: 'r1' };
      expect(await libraryA.sendPasswordReset(reset)).toEqual({ status: 'nothing-to-send', reason: 'the policy has no online password reset' });
      expect(mailer.sent).toHaveLength(0);
    });
  });
});
