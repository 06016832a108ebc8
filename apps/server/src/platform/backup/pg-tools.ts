import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PgToolName = 'pg_dump' | 'pg_restore';

/** A PostgreSQL client program found on this machine. */
export interface PgTool {
  path: string;
  major: number;
  version: string;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function toolVersion(file: string): Promise<PgTool | undefined> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 10_000 });
    const m = /\(PostgreSQL\)\s+(\d+)[^\s]*/.exec(stdout);
    return m
      ? { path: file, major: Number(m[1]), version: m[0].replace(/^\(PostgreSQL\)\s+/, '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every usable `pg_dump`/`pg_restore` in the order of preference: the PG_DUMP/PG_RESTORE variable, then
 * PATH, then Debian's /usr/lib/postgresql/<major>/bin (newest first).
 */
export async function listPgTools(name: PgToolName, env: NodeJS.ProcessEnv = process.env): Promise<PgTool[]> {
  const candidates: string[] = [];
  const override = env[name === 'pg_dump' ? 'PG_DUMP' : 'PG_RESTORE'];
  if (override) candidates.push(override);
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  const debian = '/usr/lib/postgresql';
  const majors = await fs.readdir(debian).catch(() => [] as string[]);
  for (const v of majors.filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))) {
    candidates.push(path.join(debian, v, 'bin', name));
  }
  const seen = new Set<string>();
  const tools: PgTool[] = [];
  for (const file of candidates) {
    if (!(await isExecutable(file))) continue;
    const real = await fs.realpath(file);
    if (seen.has(real)) continue;
    seen.add(real);
    const tool = await toolVersion(file);
    if (tool) tools.push(tool);
  }
  return tools;
}

/** The first preferred tool whose major version is at least `minMajor` (pg_dump refuses newer servers). */
export async function findPgTool(
  name: PgToolName,
  minMajor: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ tool: PgTool | undefined; rejected: PgTool[] }> {
  const all = await listPgTools(name, env);
  const tool = all.find((t) => t.major >= minMajor);
  return { tool, rejected: all.filter((t) => t.major < minMajor) };
}

/**
 * libpq settings for a connection URL with the password moved to PGPASSWORD, so that it never appears on
 * a command line (visible to every user through `ps`).
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}
