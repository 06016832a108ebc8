import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateJobs } from '../platform/jobs/queue.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationResult {
  applied: string[];
  pending: string[];
}

async function listMigrations(): Promise<{ name: string; sql: string; checksum: string }[]> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (name) => {
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending SQL migrations in file-name order, each in its own transaction, under an advisory lock
 * so two processes never migrate at once. Written by hand (≈50 lines) because the migrations are plain
 * committed SQL files and the libraries for that either want their own file format or a TS DSL.
 * A migration that was changed after it was applied is refused: migrations are never rewritten.
 */
export async function migrate(url: string, opts: { dryRun?: boolean } = {}): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7305001)');
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map<string, string>(
      (
        await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const all = await listMigrations();
    for (const m of all) {
      const seen = done.get(m.name);
      if (seen && seen !== m.checksum) {
        throw new Error(`Migration ${m.name} đã bị sửa sau khi áp dụng (was edited after it was applied).`);
      }
    }
    const pending = all.filter((m) => !done.has(m.name));
    if (opts.dryRun) return { applied: [], pending: pending.map((m) => m.name) };
    const applied: string[] = [];
    for (const m of pending) {
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
          m.name,
          m.checksum,
        ]);
        await client.query('commit');
        applied.push(m.name);
      } catch (err) {
        await client.query('rollback');
        throw new Error(`Migration ${m.name} thất bại (failed): ${(err as Error).message}`);
      }
    }
    await migrateJobs(url);
    return { applied, pending: [] };
  } finally {
    await client.query('select pg_advisory_unlock(7305001)').catch(() => {});
    await client.end();
  }
}
