import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

export interface Captured {
  envelope: SMTPServerEnvelope;
  raw: Buffer;
}

export interface SmtpCapture {
  url: string;
  messages: Captured[];
  /** The next `times` messages are refused with a 4xx (try again later), as a busy relay does. */
  deferNext(times?: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free port of 127.0.0.1 that keeps every message it accepts, raw. Recipients at
 * `@refused.test` are refused for good (550).
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: Captured[] = [];
  let deferrals = 0;
  const server = new SMTPServer({
    // Like MailDev and most internal relays: no TLS offered, no login asked.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.test')) {
        callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      if (deferrals > 0) {
        deferrals -= 1;
        callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ envelope: structuredClone(session.envelope), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP capture did not bind a TCP port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    deferNext: (times = 1) => {
      deferrals += times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
