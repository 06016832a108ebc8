import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';

/** The built-in format's name and version, written in its header line. */
export const BUILTIN_FORMAT = 'heza-backup';
export const BUILTIN_VERSION = 1;

/** Where a backup came from and what it holds (read from either format). */
export interface BackupInfo {
  format: 'builtin' | 'pg_dump';
  createdAt: string | null;
  serverVersion: string | null;
  migrations: { name: string; checksum: string; appliedAt: string | null }[];
  /** Tables of the public schema in the order they appear in the file (FK-dependency order). */
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export type BackupErrorCode =
  | 'NOT_A_BACKUP'
  | 'CORRUPT'
  | 'UNSUPPORTED_VERSION'
  | 'UNKNOWN_MIGRATION'
  | 'MIGRATION_CHANGED'
  | 'NOT_EMPTY'
  | 'NO_TOOL'
  | 'FILE_EXISTS'
  | 'SCHEMA_MISMATCH'
  | 'VERIFY_FAILED'
  | 'TOOL_FAILED';

/** A refusal or failure of backup/restore; `message` is bilingual, Vietnamese first. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string, opts: { cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'BackupError';
    this.code = code;
  }
}

/**
 * Session settings under which every value's text form is unambiguous and reads back identically: the same
 * ones pg_dump uses. Applied on both sides so a backup does not depend on the server's defaults.
 */
export const SESSION_SETTINGS_SQL = [
  "set datestyle = 'ISO, YMD'",
  "set intervalstyle = 'postgres'",
  "set timezone = 'UTC'",
  'set extra_float_digits = 3',
  "set bytea_output = 'hex'",
  "set client_encoding = 'UTF8'",
  'set statement_timeout = 0',
].join('; ');

/** Makes pg return every column as PostgreSQL's own text output, untouched (no Date, number or JSON parsing). */
export const RAW_TEXT_TYPES: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `public."name"`: every table this module touches lives in the public schema. */
export function publicTable(name: string): string {
  return `public.${ident(name)}`;
}

/** The migrations this code knows, with the checksum that `migrate()` records for each. */
export async function codeMigrations(): Promise<Map<string, { sql: string; checksum: string }>> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const out = new Map<string, { sql: string; checksum: string }>();
  for (const name of files) {
    const sql = await fs.readFile(path.join(MIGRATIONS_DIR, name), 'utf8');
    out.set(name, { sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

/** Thrown by readLines when the stream does not begin as expected (so a big foreign file is not read whole). */
export class UnexpectedStartError extends Error {}

/**
 * Splits a text stream into lines without holding more than one line in memory; stream errors propagate.
 * With `prefix`, the stream must begin with it.
 */
export async function* readLines(stream: Readable, prefix?: string): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let carry = '';
  let checked = !prefix;
  for await (const chunk of stream as AsyncIterable<string>) {
    carry += chunk;
    if (!checked && prefix && carry.length >= prefix.length) {
      if (!carry.startsWith(prefix)) throw new UnexpectedStartError('unexpected start');
      checked = true;
    }
    let start = 0;
    let nl = carry.indexOf('\n', start);
    while (nl !== -1) {
      yield carry.slice(start, nl);
      start = nl + 1;
      nl = carry.indexOf('\n', start);
    }
    carry = carry.slice(start);
  }
  if (!checked && carry) throw new UnexpectedStartError('unexpected start');
  if (carry) yield carry;
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Decodes one field of COPY's text format (as pg_dump writes it) to the value's text form; `\N` is null. */
export function decodeCopyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, esc: string) => {
    if (esc[0] === 'x' && esc.length > 1) return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(Number.parseInt(esc, 8));
    return COPY_ESCAPES[esc] ?? esc;
  });
}

/** Splits SQL text into identifiers (quoted or not) and the punctuation `. , ( ) ;`. */
function sqlTokens(text: string): { kind: 'word' | 'quoted' | 'punct'; value: string }[] {
  const tokens: { kind: 'word' | 'quoted' | 'punct'; value: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') i++;
    else if ('.,();'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else if (ch === '"') {
      let value = '';
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        value += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
      tokens.push({ kind: 'quoted', value });
    } else {
      let end = i;
      while (end < text.length && !' .,();"'.includes(text[end]!)) end++;
      tokens.push({ kind: 'word', value: text.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

/**
 * Reads pg_dump's `COPY schema.table (col, …) FROM stdin;` line; undefined for any other line. Names come
 * back unquoted.
 */
export function parseCopyLine(
  line: string,
): { schema: string; table: string; columns: string[] } | undefined {
  if (!line.startsWith('COPY ') || !line.endsWith(' FROM stdin;')) return undefined;
  const t = sqlTokens(line.slice(5, -' FROM stdin;'.length));
  const name = (k: number) => (t[k] && t[k].kind !== 'punct' ? t[k].value : undefined);
  const schema = name(0);
  const table = name(2);
  if (!schema || t[1]?.value !== '.' || !table) return undefined;
  const columns: string[] = [];
  if (t[3]?.value === '(') {
    for (let k = 4; k < t.length; k += 2) {
      const col = name(k);
      if (!col) return undefined;
      columns.push(col);
      if (t[k + 1]?.value === ')') break;
      if (t[k + 1]?.value !== ',') return undefined;
    }
  }
  return { schema, table, columns };
}
