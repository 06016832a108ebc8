import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { createDb, type Db } from '../src/db/client.ts';
import { createDbNotifications } from '../src/db/notifications.ts';
import type { App } from '../src/platform/http/types.ts';
import { startWorker } from '../src/platform/jobs/queue.ts';
import type { Mailer, MailMessage } from '../src/platform/mail/mailer.ts';

/** A fresh database cloned from the migrated template: every test file gets its own. */
export async function createTestDb(): Promise<{ db: Db; pool: pg.Pool; url: string; drop(): Promise<void> }> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  const name = `heza_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { db, pool } = createDb(url.toString(), { max: 5 });
  return {
    db,
    pool,
    url: url.toString(),
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** A mailer that keeps messages in memory (for tests that do not exercise SMTP itself). */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(m) {
      sent.push(m);
    },
    close() {},
  };
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

/** Builds the real application on a fresh test database (no network listener; use app.inject). */
export async function buildTestApp(
  opts: { config?: Partial<Config>; mailer?: Mailer; worker?: boolean } = {},
): Promise<TestApp> {
  const { db, pool, drop } = await createTestDb();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, { demo: false, ...opts.config });
  const app = await buildApp({
    config,
    db,
    mailer: opts.mailer ?? memoryMailer(),
    logger: false,
    notifications: createDbNotifications(pool),
  });
  await app.ready();
  const worker = opts.worker ? await startWorker(pool, { mailer: app.deps.mailer }) : undefined;
  return {
    app,
    db,
    config,
    async close() {
      await worker?.stop();
      await app.close();
      await drop();
    },
  };
}
