import { buildApp } from './app.ts';
import { type Config, loadConfig, redactConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_PASSWORD, isEmptyDatabase, seedDemo } from './db/seed/demo.ts';
import { startWorker } from './platform/jobs/queue.ts';
import type { Mailer } from './platform/mail/mailer.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  logLevel?: string;
  env?: NodeJS.ProcessEnv;
  mailer?: Mailer;
  /** Print progress and demo logins to stdout (the CLI does; tests do not). */
  verbose?: boolean;
}

export interface Platform {
  url: string;
  config: Config;
  app: Awaited<ReturnType<typeof buildApp>>;
  close(): Promise<void>;
}

/** Opens the database: the external DATABASE_URL, or the embedded PostgreSQL under the data folder. */
export async function openDatabase(
  config: Config,
  opts: { onLog?: (l: string) => void; fast?: boolean } = {},
) {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, onLog: opts.onLog, fast: opts.fast });
    url = await ensureDatabase(embedded.url, 'heza');
  }
  return { url, embedded };
}

/**
 * Starts the whole platform: database (embedded unless DATABASE_URL), pending migrations, demo data on an
 * empty database when enabled, and the HTTP server.
 */
export async function startPlatform(opts: StartOptions = {}): Promise<Platform> {
  const env = opts.env ?? process.env;
  const config = loadConfig(env, {
    ...(opts.port !== undefined && { port: opts.port }),
    ...(opts.host !== undefined && { host: opts.host }),
    ...(opts.dataDir !== undefined && { dataDir: opts.dataDir }),
    ...(opts.databaseUrl !== undefined && { databaseUrl: opts.databaseUrl }),
    ...(opts.demo !== undefined && { demo: opts.demo }),
    ...(opts.logLevel !== undefined && { logLevel: opts.logLevel }),
  });
  const say = (msg: string) => opts.verbose && console.log(msg);
  const { url, embedded } = await openDatabase(config);
  say(
    embedded
      ? `• PostgreSQL nhúng đã chạy (embedded PostgreSQL up): ${config.dataDir}`
      : '• Dùng PostgreSQL ngoài (DATABASE_URL)',
  );
  const result = await migrate(url);
  if (result.applied.length)
    say(`• Đã áp dụng ${result.applied.length} migration: ${result.applied.join(', ')}`);
  const { db, pool } = createDb(url, { max: 20 });
  if (config.demo && (await isEmptyDatabase(db))) {
    const logins = await seedDemo(db);
    if (opts.verbose && logins.length) {
      console.log(
        '\n• Đã nạp dữ liệu mẫu Hải Phòng (Hai Phong demo data loaded). Tài khoản demo (demo logins):',
      );
      for (const l of logins)
        console.log(`    ${l.email.padEnd(24)} ${DEMO_PASSWORD}   (${l.role}: ${l.note})`);
      console.log('');
    }
  }
  const app = await buildApp({ config, db, mailer: opts.mailer, logger: { level: config.logLevel } });
  app.log.debug({ config: redactConfig(config) }, 'config');
  // Role "web+worker" in one process by default: the job queue runs beside the HTTP server.
  const worker = await startWorker(pool, { mailer: app.deps.mailer });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  const publicUrl = `http://localhost:${port}`;
  say(`• HEZA Platform: ${publicUrl}  (API docs: ${publicUrl}/api/docs)`);
  void address;
  let closed = false;
  return {
    url: publicUrl,
    config,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await worker.stop();
      app.deps.mailer.close();
      await db.destroy();
      await embedded?.stop();
    },
  };
}
