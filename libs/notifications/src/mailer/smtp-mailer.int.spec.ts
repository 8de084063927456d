import { sampleMails } from '../../test/sample-mails';
import { SmtpTestServer } from '../../test/smtp-test-server';
import { mailKinds } from '../mail/mail-kinds';
import { renderMail } from '../mail/render-mail';
import { MailDeliveryError } from './mailer';
import { SmtpMailer, type SmtpMailerOptions } from './smtp-mailer';

const from = '"八戸市立図書館" <info@lib.hachinohe.example>';
const options = { libraryName: '八戸市立図書館', statusPageBaseUrl: 'https://lib.example.jp/status', passwordResetUrl: 'https://lib.example.jp/reset' };

describe('SmtpMailer against a real SMTP server', () => {
  let server: SmtpTestServer;
  const mailers: SmtpMailer[] = [];
  const mailer = (overrides: Partial<SmtpMailerOptions> = {}) => {
    const created = new SmtpMailer({ host: '127.0.0.1', port: server.port, secure: false, from, ...overrides });
    mailers.push(created);
    return created;
  };

  beforeEach(async () => {
    server = await SmtpTestServer.start();
  });
  afterEach(async () => {
    mailers.splice(0).forEach((created) => created.close());
    await server.stop();
  });

  it.each(mailKinds)('delivers a %s mail whose Japanese subject and body read back exactly', async (kind) => {
    const rendered = renderMail(kind, sampleMails[kind], options);
    await mailer().send({ to: 'hanako@example.jp', ...rendered, messageId: `<${kind}.1@lib.hachinohe.example>` });

    const [received] = await server.waitForMails(1);
    expect(received.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(received.subject).toBe(rendered.subject);
    expect(received.text).toBe(rendered.text);
    expect(received.messageId).toBe(`<${kind}.1@lib.hachinohe.example>`);
    expect(received.from).toBe('八戸市立図書館 <info@lib.hachinohe.example>');
    expect(received.envelopeFrom).toBe('info@lib.hachinohe.example');
    expect(received.envelopeTo).toEqual(['hanako@example.jp']);
    expect(received.headers['auto-submitted']).toBe('auto-generated');
    expect(received.headers['content-type']).toMatch(/text\/plain; charset=utf-8/i);
  });

  it('logs in when a user and password are configured', async () => {
    await server.stop();
    server = await SmtpTestServer.start({ auth: { user: 'library', password: 's3cret' } });
    await mailer({ user: 'library', password: 's3cret' }).send({ to: 'a@example.jp', subject: '件名', text: '本文\n', messageId: '<auth.1@x.example>' });
    const [received] = await server.waitForMails(1);
    expect(received.user).toBe('library');
  });

  it('upgrades to TLS with STARTTLS when the relay must be reached encrypted', async () => {
    await server.stop();
    server = await SmtpTestServer.start({ startTls: true });
    await mailer({ requireTls: true, rejectUnauthorized: false }).send({ to: 'a@example.jp', subject: '件名', text: '本文\n', messageId: '<tls.1@x.example>' });
    expect((await server.waitForMails(1))[0].subject).toBe('件名');
  });

  it('reports a refused recipient (550) as a permanent failure', async () => {
    server.refuseRecipient('gone@example.jp');
    const sending = mailer().send({ to: 'gone@example.jp', subject: 's', text: 't', messageId: '<p.1@x.example>' });
    await expect(sending).rejects.toMatchObject({ name: 'MailDeliveryError', permanent: true, responseCode: 550 });
    await expect(sending).rejects.toThrow(/550/);
  });

  it('reports a 451 "try again later" as a transient failure', async () => {
    server.failNextDeliveries(1);
    const sending = mailer().send({ to: 'a@example.jp', subject: 's', text: 't', messageId: '<t.1@x.example>' });
    await expect(sending).rejects.toMatchObject({ permanent: false, responseCode: 451 });
  });

  it('reports an unreachable relay as a transient failure', async () => {
    const port = server.port;
    await server.stop();
    const sending = new SmtpMailer({ host: '127.0.0.1', port, secure: false, from }).send({
      to: 'a@example.jp',
      subject: 's',
      text: 't',
      messageId: '<u.1@x.example>',
    });
    await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(sending).rejects.toMatchObject({ permanent: false, responseCode: null });
    server = await SmtpTestServer.start();
  });

  it('refuses to log in with a wrong password', async () => {
    await server.stop();
    server = await SmtpTestServer.start({ auth: { user: 'library', password: 's3cret' } });
    const sending = mailer({ user: 'library', password: 'wrong' }).send({ to: 'a@example.jp', subject: 's', text: 't', messageId: '<w.1@x.example>' });
    await expect(sending).rejects.toThrow(/Invalid username or password/);
  });
});
