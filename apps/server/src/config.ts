import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root (apps/server/src → ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  HEZA_DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  HEZA_PUBLIC_URL: z.string().url().optional(),
  HEZA_DEMO: Bool.optional(),
  HEZA_SECURE_COOKIES: Bool.optional(),
  HEZA_TRUST_PROXY: Bool.default(false),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('HEZA <no-reply@heza.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HEZA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  HEZA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  HEZA_SESSION_HOURS: z.coerce.number().min(0.01).default(8),
  HEZA_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** External PostgreSQL; when absent the app runs its embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /** Load the Hai Phong demo data into an empty database (default: on with the embedded database). */
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  sessionHours: number;
  bodyLimitBytes: number;
}

/**
 * The only reader of process.env. Validates everything at once and reports all problems together;
 * development defaults need no setup, production must say what it wants.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${problems}`);
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.HEZA_DATA_DIR),
    publicUrl: e.HEZA_PUBLIC_URL,
    demo: e.HEZA_DEMO ?? !e.DATABASE_URL,
    secureCookies: e.HEZA_SECURE_COOKIES ?? e.NODE_ENV === 'production',
    trustProxy: e.HEZA_TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    loginMaxFailures: e.HEZA_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.HEZA_LOGIN_LOCK_MINUTES,
    sessionHours: e.HEZA_SESSION_HOURS,
    bodyLimitBytes: e.HEZA_BODY_LIMIT_BYTES,
    ...overrides,
  };
  if (config.env === 'production' && !config.smtpUrl) {
    throw new Error('Cấu hình không hợp lệ (invalid configuration):\n  - SMTP_URL: required in production');
  }
  return config;
}

/** A copy of the config that is safe to log: secrets in URLs are masked. */
export function redactConfig(config: Config): Record<string, unknown> {
  const mask = (url: string | undefined) => url?.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
  return { ...config, databaseUrl: mask(config.databaseUrl), smtpUrl: mask(config.smtpUrl) };
}
