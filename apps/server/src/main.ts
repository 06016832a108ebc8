import { buildApp } from './app.ts';
import { type Config, loadConfig, redactConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { createDbNotifications } from './db/notifications.ts';
import { DEMO_PASSWORD, needsDemoSeed, seedDemoCore, seedDemoReports } from './db/seed/demo.ts';
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
  /**
   * Settles when the demo data is complete. On a first start the enterprises' monthly reports load after the
   * server is listening (the platform opens in a few seconds; reporting figures appear ~15 s later).
   */
  demoReady: Promise<void>;
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
  const say = (msg: string): void => {
    if (opts.verbose) console.log(msg);
  };
  const { url, embedded } = await openDatabase(config);
  say(
    embedded
      ? `• PostgreSQL nhúng đã chạy (embedded PostgreSQL up): ${config.dataDir}`
      : '• Dùng PostgreSQL ngoài (DATABASE_URL)',
  );
  let db: ReturnType<typeof createDb>['db'] | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  let publicUrl: string;
  let loadReports = false;
  try {
    const result = await migrate(url);
    if (result.applied.length)
      say(`• Đã áp dụng ${result.applied.length} migration: ${result.applied.join(', ')}`);
    const created = createDb(url, { max: 20 });
    db = created.db;
    const { pool } = created;
    loadReports = config.demo && (await needsDemoSeed(db));
    if (loadReports) {
      const logins = await seedDemoCore(db, { dataDir: config.dataDir });
      if (opts.verbose && logins.length) {
        console.log(
          '\n• Đã nạp dữ liệu mẫu Hải Phòng (Hai Phong demo data loaded). Tài khoản demo (demo logins):',
        );
        for (const l of logins)
          console.log(`    ${l.email.padEnd(24)} ${DEMO_PASSWORD}   (${l.role}: ${l.note})`);
        console.log('');
      }
    }
    app = await buildApp({
      config,
      db,
      mailer: opts.mailer,
      logger: { level: config.logLevel },
      notifications: createDbNotifications(pool),
    });
    app.log.debug({ config: redactConfig(config) }, 'config');
    // Role "web+worker" in one process by default: the job queue runs beside the HTTP server.
    worker = await startWorker(pool, { mailer: app.deps.mailer });
    const address = await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as { port: number }).port;
    publicUrl = `http://localhost:${port}`;
    say(`• HEZA Platform: ${publicUrl}  (API docs: ${publicUrl}/api/docs)`);
    void address;
  } catch (err) {
    // Do not leave the embedded PostgreSQL running behind a failed start.
    await app?.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await db?.destroy().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw err;
  }
  const started = { app, worker, db };
  let demoReady = Promise.resolve();
  if (loadReports) {
    const t0 = Date.now();
    say('• Đang nạp báo cáo định kỳ mẫu của doanh nghiệp (loading the demo enterprise reports)…');
    demoReady = seedDemoReports(started.db).then(
      () =>
        say(`• Đã nạp xong báo cáo mẫu (demo reports loaded) sau ${Math.round((Date.now() - t0) / 1000)} s`),
      (err: unknown) => {
        // Not fatal: the platform runs without them, and the next start loads them again.
        started.app.log.error(
          { err },
          'demo reports could not be loaded; they will be loaded on the next start',
        );
      },
    );
  }
  let closed = false;
  return {
    url: publicUrl,
    config,
    app: started.app,
    demoReady,
    async close() {
      if (closed) return;
      closed = true;
      // The demo load is one transaction: let it finish rather than cut its connection mid-way.
      await demoReady;
      await started.app.close();
      await started.worker.stop();
      started.app.deps.mailer.close();
      await started.db.destroy();
      await embedded?.stop();
    },
  };
}
