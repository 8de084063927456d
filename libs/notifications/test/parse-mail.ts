/**
 * Just enough of RFC 5322 / 2045 / 2047 to read back the single-part text mails nodemailer writes:
 * unfolded headers with encoded words decoded, and the body decoded from base64 or quoted-printable.
 */
export interface ParsedMail {
  /** Lower-cased header names, decoded values (the last occurrence wins). */
  headers: Record<string, string>;
  subject: string;
  from: string;
  to: string;
  messageId: string;
  /** The body as text, line breaks as `\n`. */
  text: string;
}

export function parseMail(raw: string | Buffer): ParsedMail {
  const source = typeof raw === 'string' ? raw : raw.toString('utf8');
  const boundary = /\r?\n\r?\n/.exec(source);
  if (!boundary) throw new Error('no blank line between headers and body');
  const headerBlock = source.slice(0, boundary.index);
  const body = source.slice(boundary.index + boundary[0].length);
  const headers: Record<string, string> = {};
  for (const line of headerBlock.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  if (/^multipart\//i.test(headers['content-type'] ?? '')) throw new Error('multipart mails are not expected here');
  return {
    headers,
    subject: headers.subject ?? '',
    from: headers.from ?? '',
    to: headers.to ?? '',
    messageId: headers['message-id'] ?? '',
    text: decodeBody(body, headers['content-transfer-encoding'] ?? '7bit').replace(/\r\n/g, '\n'),
  };
}

const encodedWord = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/** RFC 2047: adjacent encoded words join without the space between them; their bytes decode together. */
export function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)[ \t]+(?==\?)/g, '$1');
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes: Buffer[] = [];
    for (const [, , encoding, text] of run.matchAll(encodedWord)) {
      bytes.push(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' ')));
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

function decodeBody(body: string, transferEncoding: string): string {
  switch (transferEncoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r?\n/g, '')).toString('utf8');
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
