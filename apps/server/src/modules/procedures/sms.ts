/**
 * SMS to applicants. No provider is contracted yet, so the default only logs; a real gateway implements
 * `SmsProvider` and is installed with `setSmsProvider` for the app.
 */

/** Sends one SMS. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/** The default provider: writes the message to the log instead of sending it. */
export function logOnlySms(log: (data: Record<string, unknown>, msg: string) => void): SmsProvider {
  return {
    async send(to, text) {
      log({ to, text }, 'sms (no provider configured, not sent)');
    },
  };
}

const providers = new WeakMap<object, SmsProvider>();

/** Installs the SMS provider of an app (keyed by the app's deps). */
export function setSmsProvider(owner: object, provider: SmsProvider): void {
  providers.set(owner, provider);
}

/** The SMS provider of an app, if one was installed. */
export function findSmsProvider(owner: object): SmsProvider | undefined {
  return providers.get(owner);
}
