// Types of maildev.mjs for the TypeScript tests that start it (apps/api/test/e2e/email.e2e.spec.ts).
export interface RunningMailDev {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL should be. */
  smtpUrl: string;
  /** The web inbox, e.g. http://127.0.0.1:1080. */
  inboxUrl: string;
  /** MailDev's REST API: GET `${apiUrl}/email` lists caught messages. */
  apiUrl: string;
  stop(): Promise<void>;
}

export interface MailDevOptions {
  /** 1025 by default; 0 picks a free port. */
  smtpPort?: number;
  /** 1080 by default; 0 picks a free port. */
  webPort?: number;
  log?: (message: string) => void;
  /** Keep caught mail on disk here (restored on the next start). */
  mailDirectory?: string;
}

export declare function startMailDev(options?: MailDevOptions): Promise<RunningMailDev>;
