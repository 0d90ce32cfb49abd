// The local mail catcher of `npm start` when SMTP_URL is unset: MailDev (npm `maildev`), run in this process
// through its programmatic API (one process less to supervise, and a port clash is an exception here rather
// than a child that dies later). SMTP and the web inbox listen on 127.0.0.1 only: the inbox holds sign-in links.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { MailDev } from 'maildev';

/**
 * Starts MailDev; returns the SMTP_URL to give the API, the inbox address and a stop function.
 * Port 0 picks a free port (tests, scripts). With `mailDirectory`, caught mail survives restarts.
 */
export async function startMailDev({ smtpPort = 1025, webPort = 1080, log = () => {}, mailDirectory } = {}) {
  // Checked first because MailDev opens SMTP before the web port: a clash on the second would leave the first
  // listening, and its stop() only stops what started completely.
  for (const [what, port] of [
    ['SMTP', smtpPort],
    ['web inbox', webPort],
  ]) {
    if (port !== 0 && !(await isFree(port))) {
      throw new Error(
        `MailDev cannot use 127.0.0.1:${port} (${what}): the port is taken. ` +
          'Set MAILDEV_SMTP_PORT / MAILDEV_WEB_PORT to other ports, or SMTP_URL to use a real relay.',
      );
    }
  }
  if (mailDirectory) mkdirSync(mailDirectory, { recursive: true });
  const maildev = new MailDev({
    smtp: smtpPort,
    ip: '127.0.0.1',
    web: webPort,
    webIp: '127.0.0.1',
    silent: true,
    // Bounded: a long-lived development inbox would otherwise grow without end (memory and disk).
    maxEmails: 500,
    ...(mailDirectory && { mailDirectory }),
  });
  const servers = await maildev.start();
  const smtp = servers.smtp.getAddress();
  const web = servers.api?.getAddress();
  const inboxUrl = `http://127.0.0.1:${web?.port ?? webPort}`;
  log(`MailDev catching mail on smtp://127.0.0.1:${smtp.port}, inbox ${inboxUrl}`);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    inboxUrl,
    /** MailDev's REST API (GET /api/email lists the caught messages). */
    apiUrl: `${inboxUrl}/api`,
    stop: () => maildev.stop(),
  };
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
