import type { App } from '../../platform/http/types.ts';
import { findSmsProvider, logOnlySms, type SmsProvider } from './sms.ts';

/** What the procedures and feedback commands need from the app besides the context. */
export interface ProceduresDeps {
  /** Root of stored files (<dataDir>/files). */
  dataDir: string;
  /** The portal's public address, for links in notifications ('' when unknown). */
  publicUrl: string;
  sms: SmsProvider;
}

/** Builds the dependencies from the app (read once per request, so a provider installed later is used). */
export function proceduresDeps(app: Pick<App, 'deps' | 'log'>): ProceduresDeps {
  const { config } = app.deps;
  return {
    dataDir: config.dataDir,
    publicUrl: (config.publicUrl ?? '').replace(/\/$/, ''),
    sms: findSmsProvider(app.deps) ?? logOnlySms((data, msg) => app.log.info(data, msg)),
  };
}
