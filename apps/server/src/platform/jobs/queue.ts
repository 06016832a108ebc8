import { Logger, type Runner, run, runMigrations, type TaskList } from 'graphile-worker';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Database } from '../../db/schema.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

/**
 * Background jobs on PostgreSQL (graphile-worker): a job row is inserted in the SAME transaction as the change
 * that needs it, so a change and its e-mail commit together or not at all, and nothing is lost on a crash.
 */

/** Job names and their payloads. Modules add theirs here. */
export interface JobPayloads {
  mail_send: MailMessage;
  /** Reporting: the daily round of reminder e-mails around each form's due day (modules/reporting/reminders.ts). */
  reporting_reminders: { date?: string };
}
export type JobName = keyof JobPayloads;

/** What job handlers may use. */
export interface JobDeps {
  mailer: Mailer;
}

/** Queues a job inside the caller's transaction (or on the pool for fire-and-forget work). */
export async function enqueueJob<N extends JobName>(
  db: DbOrTx,
  name: N,
  payload: JobPayloads[N],
  opts: { maxAttempts?: number; runAt?: Date; jobKey?: string } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    max_attempts => ${opts.maxAttempts ?? 10}::int,
    run_at => ${opts.runAt ?? null}::timestamptz,
    job_key => ${opts.jobKey ?? null}::text
  )`.execute(db);
}

function taskList(deps: JobDeps, pool: pg.Pool): TaskList {
  // Jobs that read or write the database get a query builder over the worker's own pool.
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    mail_send: async (payload) => {
      await deps.mailer.send(payload as MailMessage);
    },
    reporting_reminders: async (payload) => {
      // Loaded on first use so the platform does not import module code at start-up.
      const { runScheduledReminders } = await import('../../modules/reporting/reminders.ts');
      await runScheduledReminders(db, (payload as JobPayloads['reporting_reminders']).date);
    },
  };
}

/** Creates the queue's own tables (schema graphile_worker); part of `heza db migrate`. */
export async function migrateJobs(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

/** Starts the worker in this process; jobs are picked up at once through LISTEN/NOTIFY. */
export async function startWorker(
  pool: pg.Pool,
  deps: JobDeps,
  opts: { concurrency?: number } = {},
): Promise<Runner> {
  return run({
    pgPool: pool,
    taskList: taskList(deps, pool),
    // Daily jobs; graphile-worker reads cron times in UTC: 01:00 UTC = 08:00 in Vietnam.
    crontab: '0 1 * * * reporting_reminders',
    concurrency: opts.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger(),
  });
}

/** graphile-worker logs every job at info level; keep warnings and errors only. */
function quietLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`);
  });
}
