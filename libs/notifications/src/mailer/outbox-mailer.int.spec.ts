import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMail } from '../../test/parse-mail';
import { sampleMails } from '../../test/sample-mails';
import { renderMail } from '../mail/render-mail';
import { OutboxMailer } from './outbox-mailer';

describe('OutboxMailer', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes each mail as a readable RFC 822 .eml file named by its Message-ID', async () => {
    const outbox = new OutboxMailer({ directory: join(directory, 'outbox'), from: '"八戸市立図書館" <info@lib.example.jp>' });
    const rendered = renderMail('hold-ready', sampleMails['hold-ready'], { libraryName: '八戸市立図書館' });
    const messageId = '<hold-ready.5f0c7a52-8d0e-4a55-9a3b-6f0e2b1c9d10@lib.example.jp>';

    await outbox.send({ to: 'hanako@example.jp', ...rendered, messageId, date: new Date('2026-11-23T01:00:00Z') });

    expect(await readdir(join(directory, 'outbox'))).toEqual(['hold-ready.5f0c7a52-8d0e-4a55-9a3b-6f0e2b1c9d10@lib.example.jp.eml']);
    const raw = await readFile(outbox.fileOf(messageId), 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw).not.toMatch(/[^\r]\n/);
    const mail = parseMail(raw);
    expect(mail.subject).toBe('【八戸市立図書館】予約資料のご用意ができました');
    expect(mail.text).toBe(rendered.text);
    expect(mail.to).toBe('hanako@example.jp');
    expect(mail.messageId).toBe(messageId);
    expect(mail.headers.date).toBe('Mon, 23 Nov 2026 01:00:00 +0000');
  });

  it('overwrites the file when the same mail is sent again, instead of adding a second one', async () => {
    const outbox = new OutboxMailer({ directory, from: 'info@lib.example.jp' });
    const mail = { to: 'a@example.jp', subject: '件名', text: '本文\n', messageId: '<m.1@lib.example.jp>' };
    await outbox.send(mail);
    await outbox.send({ ...mail, text: '本文（再送）\n' });
    await outbox.send({ ...mail, messageId: '<m.2@lib.example.jp>' });

    expect((await readdir(directory)).sort()).toEqual(['m.1@lib.example.jp.eml', 'm.2@lib.example.jp.eml']);
    expect(parseMail(await readFile(outbox.fileOf(mail.messageId))).text).toBe('本文（再送）\n');
  });

  it('writes to ./data/outbox by default', () => {
    expect(new OutboxMailer({ from: 'info@lib.example.jp' }).directory).toBe('./data/outbox');
  });
});
