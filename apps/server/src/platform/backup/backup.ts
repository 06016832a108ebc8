import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import {
  BackupError,
  type BackupInfo,
  BUILTIN_FORMAT,
  BUILTIN_VERSION,
  ident,
  publicTable,
  RAW_TEXT_TYPES,
  readLines,
  SESSION_SETTINGS_SQL,
} from './format.ts';
import {
  appliedMigrations,
  publicSequences,
  publicTables,
  serverVersion,
  type TableShape,
} from './inspect.ts';
import { findPgTool, libpqConnection, type PgTool } from './pg-tools.ts';

export type BackupFormat = 'pg_dump' | 'builtin';

/** Where a running backup or restore is: the table being copied and the rows done so far. */
export interface BackupProgress {
  table: string | null;
  rowsDone: number;
  rowsTotal: number;
}

export interface BackupOptions {
  /** `auto` (default): pg_dump when a recent enough one is installed, otherwise the built-in format. */
  format?: 'auto' | BackupFormat;
  /** Replace an existing file (otherwise refused). */
  overwrite?: boolean;
  onProgress?: (p: BackupProgress) => void;
  /** Where PG_DUMP and PATH are read from (tests). */
  env?: NodeJS.ProcessEnv;
}

export interface BackupResult {
  file: string;
  format: BackupFormat;
  tool?: PgTool;
  /** Why the built-in format was used in `auto` mode. */
  note?: string;
  bytes: number;
  serverVersion: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  rows: number;
}

/** Rows per FETCH: bounds memory while keeping round trips few. */
const FETCH_ROWS = 2000;

/**
 * Backs up the database at `url` into `file` from one consistent snapshot. With a pg_dump at least as new as
 * the server it writes pg_dump's custom format (readable by pg_restore too); otherwise the built-in format.
 * The file is written beside the target and renamed into place when complete, readable by its owner only
 * (it holds password hashes).
 */
export async function backupDatabase(
  url: string,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const target = path.resolve(file);
  if (!opts.overwrite && existsSync(target)) {
    throw new BackupError(
      'FILE_EXISTS',
      `Tệp đã tồn tại (file already exists): ${target} — dùng --force để ghi đè (use --force to overwrite).`,
    );
  }
  const client = new pg.Client({ connectionString: url, application_name: 'heza-backup' });
  await client.connect();
  const partial = `${target}.partial-${process.pid}`;
  try {
    await client.query(SESSION_SETTINGS_SQL);
    // One snapshot for everything (and for pg_dump, through the exported snapshot): counts, migrations and
    // rows all describe the same instant even while the platform keeps writing.
    await client.query('begin isolation level repeatable read, read only');
    const server = await serverVersion(client);
    let format: BackupFormat = 'builtin';
    let tool: PgTool | undefined;
    let note: string | undefined;
    if (opts.format !== 'builtin') {
      const found = await findPgTool('pg_dump', server.major, opts.env);
      tool = found.tool;
      if (tool) format = 'pg_dump';
      else {
        const seen = found.rejected.map((t) => `${t.path} (${t.version})`).join(', ') || 'không có (none)';
        const missing = `Không có pg_dump ≥ ${server.major} cho PostgreSQL ${server.version} (no pg_dump ≥ ${server.major}; found: ${seen})`;
        if (opts.format === 'pg_dump')
          throw new BackupError('NO_TOOL', `${missing}. Đặt PG_DUMP (set PG_DUMP).`);
        note = `${missing}; dùng định dạng tích hợp (using the built-in format).`;
      }
    }
    const tables = await publicTables(client);
    const counts = new Map<string, number>();
    for (const t of tables) {
      const r = await client.query<{ n: string }>(`select count(*)::text as n from ${publicTable(t.name)}`);
      counts.set(t.name, Number(r.rows[0]!.n));
    }
    const migrations = await appliedMigrations(client);
    const rowsTotal = [...counts.values()].reduce((a, b) => a + b, 0);
    const progress = opts.onProgress ?? (() => {});

    await fs.rm(partial, { force: true });
    await (await fs.open(partial, 'wx', 0o600)).close();
    if (format === 'pg_dump') {
      await runPgDump(client, tool!, url, partial, tables, counts, progress);
    } else {
      const info: BackupInfo = {
        format: 'builtin',
        createdAt: new Date().toISOString(),
        serverVersion: server.version,
        migrations,
        tables: tables.map((t) => ({
          name: t.name,
          columns: t.columns.map((c) => c.name),
          rows: counts.get(t.name)!,
        })),
        sequences: await publicSequences(client),
      };
      await writeBuiltin(client, partial, info, tables, progress);
    }
    await client.query('commit');
    // Durable before it replaces anything: a backup that vanishes in a power cut is no backup.
    const handle = await fs.open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await fs.rename(partial, target);
    progress({ table: null, rowsDone: rowsTotal, rowsTotal });
    return {
      file: target,
      format,
      ...(tool && format === 'pg_dump' && { tool }),
      ...(note && { note }),
      bytes: (await fs.stat(target)).size,
      serverVersion: server.version,
      migrations: migrations.map((m) => m.name),
      tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name)! })),
      rows: rowsTotal,
    };
  } catch (err) {
    await fs.rm(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The built-in format, used when no pg_dump can read the server (the embedded PostgreSQL ships no pg_dump,
 * and a distribution's older pg_dump refuses newer servers). pg-copy-streams is not a dependency, so rows
 * are read through a cursor as PostgreSQL's own text output of each value — the form COPY writes and that
 * reads back exactly — and stored as gzip'ed JSON lines:
 *   {"format":"heza-backup","version":1,…header…}   created_at, server version, migrations, tables, sequences
 *   {"table":"zones"}                                 then one JSON array of text-or-null per row
 *   {"end":"heza-backup","rows":N}                    the trailer: a file without it was cut short
 */
async function writeBuiltin(
  client: pg.Client,
  file: string,
  info: BackupInfo,
  tables: TableShape[],
  progress: (p: BackupProgress) => void,
): Promise<void> {
  const rowsTotal = info.tables.reduce((a, t) => a + t.rows, 0);
  async function* lines(): AsyncGenerator<string> {
    // Key order matters: the reader recognises the format by this exact beginning.
    const { format: _f, ...rest } = info;
    yield `${JSON.stringify({ format: BUILTIN_FORMAT, version: BUILTIN_VERSION, ...rest })}\n`;
    let rowsDone = 0;
    for (const t of tables) {
      yield `${JSON.stringify({ table: t.name })}\n`;
      progress({ table: t.name, rowsDone, rowsTotal });
      const columns = t.columns.map((c) => ident(c.name)).join(', ');
      await client.query(
        `declare heza_backup no scroll cursor for select ${columns} from ${publicTable(t.name)}`,
      );
      let written = 0;
      for (;;) {
        const r = await client.query<unknown[]>({
          text: `fetch forward ${FETCH_ROWS} from heza_backup`,
          rowMode: 'array',
          types: RAW_TEXT_TYPES,
        });
        if (r.rows.length) yield `${r.rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
        written += r.rows.length;
        rowsDone += r.rows.length;
        progress({ table: t.name, rowsDone, rowsTotal });
        if (r.rows.length < FETCH_ROWS) break;
      }
      await client.query('close heza_backup');
      const expected = info.tables.find((x) => x.name === t.name)!.rows;
      if (written !== expected) {
        throw new BackupError(
          'VERIFY_FAILED',
          `Bảng ${t.name}: đọc ${written} dòng, mong đợi ${expected} (row count changed).`,
        );
      }
    }
    yield `${JSON.stringify({ end: BUILTIN_FORMAT, rows: rowsDone })}\n`;
  }
  await pipeline(
    Readable.from(lines()),
    createGzip({ level: 6 }),
    (await fs.open(file, 'w')).createWriteStream(),
  );
}

/** Runs pg_dump (custom format) on the snapshot of `client`'s open transaction, reporting tables as they go. */
async function runPgDump(
  client: pg.Client,
  tool: PgTool,
  url: string,
  file: string,
  tables: TableShape[],
  counts: Map<string, number>,
  progress: (p: BackupProgress) => void,
): Promise<void> {
  const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
  const { dbname, env } = libpqConnection(url);
  const rowsTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  const child = spawn(
    tool.path,
    ['--format=custom', '--verbose', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const problems: string[] = [];
  let rowsDone = 0;
  let current: string | undefined;
  for await (const line of readLines(child.stderr)) {
    // `--verbose` names each table as its data is dumped: enough for a progress bar.
    const m = /dumping contents of table "public\.(.+)"$/.exec(line);
    if (m) {
      if (current) rowsDone += counts.get(current) ?? 0;
      current = tables.find((t) => t.name === m[1])?.name;
      progress({ table: current ?? m[1]!, rowsDone, rowsTotal });
    } else if (/error|warning|fatal/i.test(line)) problems.push(line);
  }
  const code = await exited;
  if (code !== 0) {
    throw new BackupError(
      'TOOL_FAILED',
      `pg_dump thất bại (failed, exit ${code}): ${problems.slice(-5).join(' | ') || 'không rõ lỗi (no message)'}`,
    );
  }
}
