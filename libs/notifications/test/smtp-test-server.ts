import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { parseMail, type ParsedMail } from './parse-mail';

export interface ReceivedMail extends ParsedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  /** The authenticated user, when the client logged in. */
  user: string | null;
}

export interface SmtpTestServerOptions {
  /** Require this login; without it the server takes mail from anyone. */
  auth?: { user: string; password: string };
  /** Offer STARTTLS with smtp-server's built-in test certificate. */
  startTls?: boolean;
}

/** A real SMTP server in the test process (smtp-server) that accepts, collects and parses every mail. */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** DATA commands seen, accepted or not. */
  dataAttempts = 0;
  private transientFailures = 0;
  private readonly refusedRecipients = new Set<string>();
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    const disabled = [...(options.startTls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])];
    let instance: SmtpTestServer | null = null;
    const server = new SMTPServer({
      logger: false,
      disabledCommands: disabled,
      authOptional: !options.auth,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) {
          callback(null, { user: auth.username });
        } else {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onRcptTo(address, _session, callback) {
        if (instance?.refusedRecipients.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 }));
        } else {
          callback();
        }
      },
      onData(stream, session, callback) {
        void readAll(stream).then((raw) => {
          const self = instance as SmtpTestServer;
          self.dataAttempts += 1;
          if (self.transientFailures > 0) {
            self.transientFailures -= 1;
            callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
            return;
          }
          const user = typeof session.user === 'string' ? session.user : null;
          self.received.push({
            ...parseMail(raw),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            user,
          });
          callback();
          self.notify();
        }, callback);
      },
    });
    instance = new SmtpTestServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** The next `count` mails get `451 Try again later` after their DATA. */
  failNextDeliveries(count: number): void {
    this.transientFailures = count;
  }

  /** Mail to this address is refused for good (`550`). */
  refuseRecipient(address: string): void {
    this.refusedRecipients.add(address.toLowerCase());
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  async waitForMails(count: number, timeoutMs = 5000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} mails, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

async function readAll(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
