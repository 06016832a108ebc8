import { Logger, type Runner, run, runMigrations, type TaskList } from 'graphile-worker';
import { sql } from 'kysely';
import type pg from 'pg';
import type { DbOrTx } from '../../db/client.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

/**
 * Background jobs on PostgreSQL (graphile-worker): a job row is inserted in the SAME transaction as the change
 * that needs it, so a change and its e-mail commit together or not at all, and nothing is lost on a crash.
 */

/** Job names and their payloads. Modules add theirs here. */
export interface JobPayloads {
  mail_send: MailMessage;
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

function taskList(deps: JobDeps): TaskList {
  return {
    mail_send: async (payload) => {
      await deps.mailer.send(payload as MailMessage);
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
    taskList: taskList(deps),
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
