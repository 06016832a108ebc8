import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail. Without SMTP_URL (development) messages are written to the log instead of sent. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Creates the mailer for the configured SMTP server, or a log-only mailer when none is configured. */
export function createMailer(opts: {
  smtpUrl: string | undefined;
  from: string;
  log: (msg: string, data?: Record<string, unknown>) => void;
}): Mailer {
  if (!opts.smtpUrl) {
    return {
      async send(m) {
        opts.log('mail (no SMTP_URL configured, not sent)', { to: m.to, subject: m.subject, text: m.text });
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(m) {
      await transport.sendMail({ from: opts.from, ...m });
    },
    close() {
      transport.close();
    },
  };
}
