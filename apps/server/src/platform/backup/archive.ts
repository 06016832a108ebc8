import { execFile, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import {
  BackupError,
  type BackupInfo,
  BUILTIN_FORMAT,
  BUILTIN_VERSION,
  decodeCopyField,
  parseCopyLine,
  readLines,
  UnexpectedStartError,
} from './format.ts';
import { listPgTools, type PgTool } from './pg-tools.ts';

const run = promisify(execFile);

/** Receives a backup's rows table by table; every call is awaited, so a slow database slows the reading. */
export interface RowSink {
  table(name: string, columns: string[]): Promise<void>;
  rows(batch: (string | null)[][]): Promise<void>;
}

/** A backup file whose contents have been read through once and found complete. */
export interface BackupSource {
  info: BackupInfo;
  /** Reads the file again, streaming its rows into `sink`; `order` asks for tables in this order if possible. */
  load(sink: RowSink, order?: string[]): Promise<void>;
}

/** Rows handed to the sink at a time; also bounded by size so that wide rows do not pile up in memory. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

const notABackup = (file: string, why: string) =>
  new BackupError(
    'NOT_A_BACKUP',
    `Tệp không phải bản sao lưu HEZA (not a HEZA backup): ${file} — ${why}. ` +
      'Bản sao lưu do `heza backup` tạo (backups are made by `heza backup`).',
  );

const corrupt = (file: string, why: string, cause?: unknown) =>
  new BackupError(
    'CORRUPT',
    `Bản sao lưu bị hỏng hoặc bị cắt cụt, không khôi phục gì cả (the backup is corrupt or truncated; nothing was restored): ${file} — ${why}`,
    { cause },
  );

/**
 * Opens a backup of either format and reads it through completely, so that a damaged file is refused before
 * the database is touched: the built-in format by its gzip checksum, structure, row counts and trailer; a
 * pg_dump archive by pg_restore reading all of it.
 */
export async function openBackup(file: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupSource> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    await handle.close();
    head = head.subarray(0, bytesRead);
  } catch (err) {
    throw new BackupError(
      'NOT_A_BACKUP',
      `Không đọc được tệp (cannot read the file): ${file} — ${(err as Error).message}`,
    );
  }
  if (head.toString('latin1') === 'PGDMP') return openPgDump(file, env);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const info = await scanBuiltin(file);
    return { info, load: async (sink) => void (await scanBuiltin(file, sink)) };
  }
  throw notABackup(
    file,
    head.length ? 'không nhận ra định dạng (unrecognised format)' : 'tệp rỗng (empty file)',
  );
}

/** Reads (and with a sink, loads) a built-in backup, checking everything the format lets us check. */
async function scanBuiltin(file: string, sink?: RowSink): Promise<BackupInfo> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const prefix = `{"format":"${BUILTIN_FORMAT}",`;
  let info: BackupInfo | undefined;
  let tableIndex = -1;
  let columns = 0;
  let rowsInTable = 0;
  let rowsTotal = 0;
  let ended = false;
  let batch: (string | null)[][] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (sink && batch.length) await sink.rows(batch);
    batch = [];
    batchBytes = 0;
  };
  const finishTable = async () => {
    await flush();
    if (!info || tableIndex < 0) return;
    const t = info.tables[tableIndex]!;
    if (rowsInTable !== t.rows) throw corrupt(file, `bảng ${t.name}: ${rowsInTable}/${t.rows} dòng (rows)`);
  };
  try {
    for await (const line of readLines(gunzip, prefix)) {
      if (ended) throw corrupt(file, 'có dữ liệu sau phần kết (data after the end marker)');
      if (!info) {
        info = parseHeader(file, line);
        continue;
      }
      if (line.startsWith('[')) {
        if (tableIndex < 0) throw corrupt(file, 'dòng dữ liệu ngoài bảng (row outside a table)');
        const row = JSON.parse(line) as unknown;
        if (
          !Array.isArray(row) ||
          row.length !== columns ||
          row.some((v) => v !== null && typeof v !== 'string')
        ) {
          throw corrupt(
            file,
            `dòng sai cấu trúc trong bảng ${info.tables[tableIndex]!.name} (malformed row)`,
          );
        }
        rowsInTable++;
        rowsTotal++;
        if (sink) {
          batch.push(row as (string | null)[]);
          batchBytes += line.length;
          if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
        }
        continue;
      }
      const marker = JSON.parse(line) as { table?: unknown; end?: unknown; rows?: unknown };
      if (typeof marker.table === 'string') {
        await finishTable();
        tableIndex++;
        const t = info.tables[tableIndex];
        if (!t || t.name !== marker.table)
          throw corrupt(file, `bảng không mong đợi (unexpected table) ${marker.table}`);
        columns = t.columns.length;
        rowsInTable = 0;
        if (sink) await sink.table(t.name, t.columns);
      } else if (marker.end === BUILTIN_FORMAT) {
        await finishTable();
        if (tableIndex !== info.tables.length - 1 || marker.rows !== rowsTotal) {
          throw corrupt(file, 'thiếu bảng hoặc số dòng sai (missing tables or wrong row count)');
        }
        ended = true;
      } else throw corrupt(file, 'dòng không nhận ra (unrecognised line)');
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (err instanceof UnexpectedStartError) {
      throw notABackup(file, 'nén gzip nhưng không phải định dạng HEZA (gzip, but not the HEZA format)');
    }
    // A gzip stream that does not decompress, or lines that do not parse after the format marker matched.
    throw corrupt(file, (err as Error).message, err);
  } finally {
    input.destroy();
  }
  if (!info) throw notABackup(file, 'không có phần đầu (no header)');
  if (!ended) throw corrupt(file, 'thiếu phần kết — tệp bị cắt cụt (no end marker: the file was cut short)');
  return info;
}

function parseHeader(file: string, line: string): BackupInfo {
  let h: Record<string, unknown>;
  try {
    h = JSON.parse(line) as Record<string, unknown>;
  } catch (err) {
    throw corrupt(file, 'phần đầu không đọc được (unreadable header)', err);
  }
  if (h.format !== BUILTIN_FORMAT) throw notABackup(file, 'thiếu dấu định dạng (no format marker)');
  if (typeof h.version !== 'number' || h.version > BUILTIN_VERSION) {
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `Bản sao lưu phiên bản ${String(h.version)} mới hơn phiên bản HEZA này đọc được (${BUILTIN_VERSION}) — hãy nâng cấp HEZA ` +
        `(backup format version ${String(h.version)} is newer than this HEZA reads; upgrade HEZA).`,
    );
  }
  const info = h as unknown as BackupInfo;
  if (!Array.isArray(info.tables) || !Array.isArray(info.migrations) || !Array.isArray(info.sequences)) {
    throw corrupt(file, 'phần đầu thiếu trường (header misses fields)');
  }
  return { ...info, format: 'builtin' };
}

/**
 * A pg_dump custom-format archive. pg_restore turns its data into COPY text (`--data-only`), which is
 * decoded here and loaded through the same path as the built-in format, so both get the same checks:
 * migrations rebuilt from this code, one transaction, counts verified.
 */
async function openPgDump(file: string, env: NodeJS.ProcessEnv): Promise<BackupSource> {
  const tools = await listPgTools('pg_restore', env);
  if (!tools.length) {
    throw new BackupError(
      'NO_TOOL',
      'Tệp là bản sao lưu pg_dump nhưng không tìm thấy pg_restore (a pg_dump archive, but no pg_restore found: install ' +
        'the PostgreSQL client or set PG_RESTORE).',
    );
  }
  // Newer pg_restore reads older archives, not the reverse: take the first one that can list this file.
  let tool: PgTool | undefined;
  let toc = '';
  const failures: string[] = [];
  for (const t of tools) {
    try {
      toc = (await run(t.path, ['--list', file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
      tool = t;
      break;
    } catch (err) {
      failures.push(`${t.path} (${t.version}): ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
    }
  }
  if (!tool) {
    if (failures.some((f) => /unsupported version/i.test(f))) {
      throw new BackupError(
        'UNSUPPORTED_VERSION',
        `Cần pg_restore mới hơn để đọc tệp này (a newer pg_restore is needed; set PG_RESTORE): ${failures.join(' | ')}`,
      );
    }
    throw corrupt(file, failures.join(' | '));
  }
  const field = (label: string) =>
    new RegExp(`^;\\s+${label}:?\\s+(.+)$`, 'm').exec(toc)?.[1]?.trim() ?? null;
  const scan = await scanPgDump(tool, file);
  const migrationsTable = scan.tables.find((t) => t.name === 'schema_migrations');
  if (!migrationsTable)
    throw notABackup(
      file,
      'bản pg_dump không có bảng schema_migrations (a pg_dump archive of another database)',
    );
  const info: BackupInfo = {
    format: 'pg_dump',
    createdAt: field('Archive created at'),
    serverVersion: field('Dumped from database version'),
    migrations: scan.migrations,
    tables: scan.tables.filter((t) => t.name !== 'schema_migrations'),
    sequences: scan.sequences,
  };
  return {
    info,
    load: async (sink, order) => void (await scanPgDump(tool, file, sink, reorderToc(toc, order))),
  };
}

/**
 * A pg_restore list with the TABLE DATA entries in `order` (parents before children), for servers where
 * FK triggers cannot be switched off and rows must arrive in dependency order.
 */
function reorderToc(toc: string, order: string[] | undefined): string | undefined {
  if (!order) return undefined;
  const lines = toc.split('\n');
  const isData = (l: string) => / TABLE DATA public /.test(l);
  const rank = (l: string) => {
    const name = / TABLE DATA public (.+) \S+$/.exec(l)?.[1];
    const i = name ? order.indexOf(name) : -1;
    return i < 0 ? order.length : i;
  };
  const data = lines.filter(isData).sort((a, b) => rank(a) - rank(b));
  let next = 0;
  return lines.map((l) => (isData(l) ? data[next++]! : l)).join('\n');
}

async function scanPgDump(
  tool: PgTool,
  file: string,
  sink?: RowSink,
  list?: string,
): Promise<Pick<BackupInfo, 'migrations' | 'tables' | 'sequences'>> {
  let listFile: string | undefined;
  if (list) {
    listFile = `${file}.list-${process.pid}`;
    await fs.writeFile(listFile, list, { mode: 0o600 });
  }
  const args = [
    '--data-only',
    '--schema=public',
    '--file=-',
    ...(listFile ? [`--use-list=${listFile}`] : []),
    file,
  ];
  const child = spawn(tool.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const tables: BackupInfo['tables'] = [];
  const sequences: BackupInfo['sequences'] = [];
  const migrations: BackupInfo['migrations'] = [];
  let current: { name: string; columns: string[]; rows: number } | undefined;
  let batch: (string | null)[][] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (sink && batch.length) await sink.rows(batch);
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const line of readLines(child.stdout)) {
      if (current) {
        if (line === '\\.') {
          await flush();
          tables.push(current);
          current = undefined;
          continue;
        }
        const row = line.split('\t').map(decodeCopyField);
        if (row.length !== current.columns.length)
          throw corrupt(file, `dòng sai cấu trúc trong bảng ${current.name}`);
        current.rows++;
        if (current.name === 'schema_migrations') {
          const at = (c: string) => row[current!.columns.indexOf(c)] ?? null;
          migrations.push({ name: at('name')!, checksum: at('checksum')!, appliedAt: at('applied_at') });
        } else if (sink) {
          batch.push(row);
          batchBytes += line.length;
          if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
        }
        continue;
      }
      const copy = parseCopyLine(line);
      if (copy && copy.schema === 'public') {
        current = { name: copy.table, columns: copy.columns, rows: 0 };
        if (sink && copy.table !== 'schema_migrations') await sink.table(copy.table, copy.columns);
        continue;
      }
      const setval = /^SELECT pg_catalog\.setval\('public\.(.+)', (-?\d+), (true|false)\);$/.exec(line);
      if (setval) {
        const name = setval[1]!
          .replaceAll("''", "'")
          .replace(/^"(.*)"$/, '$1')
          .replaceAll('""', '"');
        sequences.push({ name, lastValue: setval[2]!, isCalled: setval[3] === 'true' });
      }
    }
  } catch (err) {
    // Bad data, or the database refusing rows: pg_restore may still be writing, stop it.
    child.kill();
    await exited.catch(() => {});
    throw err;
  } finally {
    if (listFile) await fs.rm(listFile, { force: true });
  }
  const code = await exited;
  const message = stderr.trim() || `pg_restore exit ${code}`;
  if (code !== 0 && !/could not read|unexpected end|invalid|corrupt|did not find|decompress/i.test(message)) {
    throw new BackupError('TOOL_FAILED', `pg_restore thất bại (failed): ${message}`);
  }
  if (code !== 0 || current) throw corrupt(file, message);
  migrations.sort((a, b) => a.name.localeCompare(b.name));
  return { tables, sequences, migrations };
}
