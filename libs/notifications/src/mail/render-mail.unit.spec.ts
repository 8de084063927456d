import { sampleMails } from '../../test/sample-mails';
import { mailKinds, type MailKind, type MailLanguage } from './mail-kinds';
import { renderMail } from './render-mail';

const libraryName = '八戸市立図書館';
const statusPageBaseUrl = 'https://lib.example.jp/status';

const samples = sampleMails;

const render = <K extends MailKind>(kind: K, options: { language?: MailLanguage; statusPageBaseUrl?: string | null; passwordResetUrl?: string | null } = {}) =>
  renderMail(kind, samples[kind], { libraryName, ...options });

describe('mail templates', () => {
  it.each(mailKinds)('%s: Japanese by default, the library name in the subject and the signature', (kind) => {
    const mail = render(kind);
    expect(mail.subject).toMatch(new RegExp(`^【${libraryName}】`));
    expect(mail.text.startsWith('山田 花子 様\n\n')).toBe(true);
    expect(mail.text).toContain(`\n${libraryName}\n`);
    expect(mail.text).toContain('送信専用');
    expect(mail.text.endsWith('\n')).toBe(true);
  });

  it.each(mailKinds)('%s: has an English variant', (kind) => {
    const mail = render(kind, { language: 'en' });
    expect(mail.subject).toMatch(new RegExp(`^\\[${libraryName}\\] [A-Z]`));
    expect(mail.text.startsWith('Dear 山田 花子,\n\n')).toBe(true);
    expect(mail.text).not.toMatch(/[。、様]/);
  });

  it('R17 hold-ready: title, pickup location and last pickup day, dated the Japanese way', () => {
    const mail = render('hold-ready');
    expect(mail.subject).toBe('【八戸市立図書館】予約資料のご用意ができました');
    expect(mail.text).toContain('資料名：吾輩は猫である\n受取場所：南郷図書館\n取置期限：2026年12月5日(土)');
    expect(render('hold-ready', { language: 'en' }).text).toContain('Last pickup day: Saturday, 5 December 2026');
  });

  it('R19 hold-ready: tells the patron a ready hold is cancelled by contacting the library', () => {
    expect(render('hold-ready').text).toContain('インターネットからは取り消せません');
  });

  it.each(['hold-ready', 'pickup-reminder', 'hold-placed', 'overdue-reminder', 'email-registered'] as const)(
    'R24 %s: links the status page when one is configured, and only then',
    (kind) => {
      expect(render(kind, { statusPageBaseUrl }).text).toContain(`\n${statusPageBaseUrl}\n`);
      expect(render(kind, { statusPageBaseUrl, language: 'en' }).text).toContain(`\n${statusPageBaseUrl}\n`);
      expect(render(kind).text).not.toContain('http');
      expect(render(kind, { statusPageBaseUrl: null }).text).not.toContain('http');
    },
  );

  it('R25 email-registered: the registration confirmation (Library A) or the change-completed notice (Library B)', () => {
    const registered = render('email-registered');
    expect(registered.subject).toBe('【八戸市立図書館】メールアドレスの登録確認通知');
    expect(registered.text).toContain('登録したメールアドレス：hanako@example.jp');
    const changed = renderMail('email-registered', { ...samples['email-registered'], notice: 'change-completed' }, { libraryName });
    expect(changed.subject).toBe('【八戸市立図書館】メールアドレス変更完了のお知らせ');
    expect(changed.text).toContain('登録・変更が完了しました');
  });

  it('R26 overdue-reminder: every overdue title with its due date', () => {
    const mail = render('overdue-reminder');
    expect(mail.subject).toBe('【八戸市立図書館】返却期限を過ぎた資料の返却のお願い');
    expect(mail.text).toContain('・坊っちゃん（返却期限：2026年11月20日(金)）\n・こころ（返却期限：2026年11月27日(金)）');
    expect(render('overdue-reminder', { language: 'en' }).text).toContain('- 坊っちゃん (due Friday, 20 November 2026)');
  });

  it('R15 hold-placed: every placed title with its pickup location', () => {
    const mail = render('hold-placed');
    expect(mail.subject).toBe('【八戸市立図書館】予約受付のお知らせ');
    expect(mail.text).toContain('・三四郎（受取場所：本館）\n・それから（受取場所：図書情報センター）');
  });

  it('R27 password-reset: a link carrying the token, valid until a time shown in Tokyo time', () => {
    const mail = render('password-reset', { passwordResetUrl: 'https://lib.example.jp/reset?lang=ja', statusPageBaseUrl });
    expect(mail.subject).toBe('【八戸市立図書館】パスワード再設定のご案内');
    expect(mail.text).toContain('https://lib.example.jp/reset?lang=ja&token=tok-123\n');
    expect(mail.text).toContain('2026年12月4日(金) 14:30までに');
    expect(mail.text).not.toContain(statusPageBaseUrl);
  });

  it('R27 password-reset: without a reset page, the token is a code to type in', () => {
    const mail = render('password-reset');
    expect(mail.text).toContain('確認コード：tok-123');
    expect(mail.text).not.toContain('http');
  });

  it('pickup-reminder: the last pickup day it warns about', () => {
    const mail = render('pickup-reminder');
    expect(mail.subject).toBe('【八戸市立図書館】予約資料の取置期限が近づいています');
    expect(mail.text).toContain('取置期限：2026年12月5日(土)');
  });

  it('greets a patron whose name is unknown without an empty name', () => {
    const mail = renderMail('email-registered', { ...samples['email-registered'], patronName: '' }, { libraryName });
    expect(mail.text.startsWith('利用者 様\n')).toBe(true);
    const english = renderMail('email-registered', { ...samples['email-registered'], patronName: ' ' }, { libraryName, language: 'en' });
    expect(english.text.startsWith('Dear patron,\n')).toBe(true);
  });
});
