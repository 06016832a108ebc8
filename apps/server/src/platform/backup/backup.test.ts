import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeEnterprise, makeUser, makeZone } from '../../../test/factories.ts';
import { createTestDb } from '../../../test/harness.ts';
import { type BackupProgress, backupDatabase } from './backup.ts';
import { BackupError, RAW_TEXT_TYPES, SESSION_SETTINGS_SQL } from './format.ts';
import { publicSequences, publicTables, serverVersion } from './inspect.ts';
import { findPgTool } from './pg-tools.ts';
import { inspectBackup, restoreDatabase } from './restore.ts';

type TestDb = Awaited<ReturnType<typeof createTestDb>>;

/** Every row of every public table as PostgreSQL's text output (sorted), sequence states, migration names. */
async function contents(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SESSION_SETTINGS_SQL);
    const out: Record<string, string[]> = {};
    for (const t of await publicTables(client)) {
      const r = await client.query<unknown[]>({
        text: `select * from public."${t.name}"`,
        rowMode: 'array',
        types: RAW_TEXT_TYPES,
      });
      out[t.name] = r.rows.map((row) => JSON.stringify(row)).sort();
    }
    out['(sequences)'] = (await publicSequences(client)).map((q) => `${q.name} ${q.lastValue} ${q.isCalled}`);
    out.schema_migrations = (
      await client.query<{ name: string }>('select name from schema_migrations order by name')
    ).rows.map((r) => r.name);
    return out;
  } finally {
    await client.end();
  }
}

/** Runs SQL on the test server's maintenance database (creating and dropping databases and roles). */
async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: inject('pgServerUrl') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The URL of database `name` on the test server, optionally as another role. */
function serverDbUrl(name: string, login?: { user: string; password: string }): string {
  const url = new URL(inject('pgServerUrl'));
  url.pathname = `/${name}`;
  if (login) {
    url.username = login.user;
    url.password = login.password;
  }
  return url.toString();
}

/** Awaits a promise expected to fail with a BackupError of `code`, and returns it. */
async function refused(p: Promise<unknown>, code: string): Promise<BackupError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  expect((err as BackupError).code).toBe(code);
  return err as BackupError;
}

/** Fills a test database with rows in several related tables, with awkward values on purpose. */
async function seed(t: TestDb) {
  const zoneA = await makeZone(t.db, 'KCN Đình Vũ — "khu I"');
  const zoneB = await makeZone(t.db, 'Khu kinh tế Đình Vũ - Cát Hải');
  await makeEnterprise(t.db, "Công ty TNHH O'Neil \\ Việt Nam");
  const admin = await makeUser(t.db, 'admin');
  await makeUser(t.db, 'staff', { zoneScope: 'listed', zoneIds: [zoneA.id, zoneB.id] });
  await makeUser(t.db, 'enterprise');
  await makeUser(t.db, 'leader');
  await t.db
    .insertInto('audit_log')
    .values([
      {
        actor_id: admin.id,
        actor_label: 'tab\there',
        action: 'test.write',
        entity_type: 'zone',
        entity_id: zoneA.id,
        before: JSON.stringify({
          note: 'dòng 1\ndòng 2',
          quote: '"',
          backslash: '\\',
          nested: [1, null, 2.5],
        }),
        after: null,
        ip: '127.0.0.1',
      },
      { action: 'test.null', entity_type: 'none', actor_label: '\\N' },
    ])
    .execute();
  await t.db
    .insertInto('sessions')
    .values({
      id_hash: randomBytes(16).toString('hex'),
      user_id: admin.id,
      csrf_token: 'x',
      expires_at: new Date(Date.now() + 3600_000),
    })
    .execute();
}

describe('backup and restore', () => {
  let dir: string;
  let source: TestDb;
  const dbs: TestDb[] = [];
  const fresh = async () => {
    const t = await createTestDb();
    dbs.push(t);
    return t;
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-backup-test-'));
    source = await fresh();
    await seed(source);
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('round-trips every table through the built-in format into an already-migrated empty database', async () => {
    const file = path.join(dir, 'builtin.heza');
    const progress: BackupProgress[] = [];
    const made = await backupDatabase(source.url, file, {
      format: 'builtin',
      onProgress: (p) => progress.push(p),
    });
    expect(made.format).toBe('builtin');
    expect(made.rows).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ table: null, rowsDone: made.rows, rowsTotal: made.rows });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).filter((f) => f.includes('.partial-'))).toEqual([]);

    // Header: format, version, creation time, server version and migrations.
    const header = JSON.parse(
      gunzipSync(await fs.readFile(file))
        .toString('utf8')
        .split('\n')[0]!,
    );
    expect(header).toMatchObject({ format: 'heza-backup', version: 1 });
    expect(header.migrations.map((m: { name: string }) => m.name)).toEqual(
      (await contents(source.url)).schema_migrations,
    );
    expect(Date.parse(header.createdAt)).not.toBeNaN();
    expect(header.serverVersion).toMatch(/^\d+/);

    const target = await fresh();
    const restored = await restoreDatabase(target.url, file);
    expect(restored.rows).toBe(made.rows);
    expect(restored.triggersDeferred).toBe(true);
    expect(await contents(target.url)).toEqual(await contents(source.url));

    // Identity values continue after the restored ids instead of colliding with them.
    const next = await target.db
      .insertInto('audit_log')
      .values({ action: 'after.restore', entity_type: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = await source.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBeGreaterThan(Number(max.m));
  });

  it('uses pg_dump when one is at least as new as the server, and says why not otherwise', async () => {
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    const { major } = await serverVersion(client);
    await client.end();
    const { tool } = await findPgTool('pg_dump', major);
    const file = path.join(dir, 'auto.heza');
    const made = await backupDatabase(source.url, file);
    expect(made.format).toBe(tool ? 'pg_dump' : 'builtin');
    if (!tool) expect(made.note).toMatch(/pg_dump ≥ \d+/);
    const target = await fresh();
    await restoreDatabase(target.url, file);
    expect(await contents(target.url)).toEqual(await contents(source.url));
    if (!tool) {
      await refused(
        backupDatabase(source.url, path.join(dir, 'forced.heza'), { format: 'pg_dump' }),
        'NO_TOOL',
      );
    }
  });

  it('restores into a database that was never migrated', async () => {
    const file = path.join(dir, 'bare.heza');
    await backupDatabase(source.url, file, { format: 'builtin' });
    const name = `heza_bare_${randomBytes(4).toString('hex')}`;
    await onServer(`create database "${name}"`);
    try {
      await restoreDatabase(serverDbUrl(name), file);
      expect(await contents(serverDbUrl(name))).toEqual(await contents(source.url));
    } finally {
      await onServer(`drop database "${name}" with (force)`);
    }
  });

  it('loads parents before children when the role may not switch FK triggers off (not a superuser)', async () => {
    const file = path.join(dir, 'owner.heza');
    await backupDatabase(source.url, file, { format: 'builtin' });
    const suffix = randomBytes(4).toString('hex');
    const login = { user: `heza_owner_${suffix}`, password: `pw-${suffix}` };
    const name = `heza_owned_${suffix}`;
    await onServer(`create role "${login.user}" login password '${login.password}'`);
    await onServer(`create database "${name}" owner "${login.user}"`);
    try {
      const restored = await restoreDatabase(serverDbUrl(name, login), file);
      expect(restored.triggersDeferred).toBe(false);
      expect(await contents(serverDbUrl(name))).toEqual(await contents(source.url));
    } finally {
      await onServer(`drop database "${name}" with (force)`);
      await onServer(`drop role "${login.user}"`);
    }
  });

  it('restores rows that refer to rows stored after them (FK checks deferred)', async () => {
    const src = await fresh();
    const parent = await makeZone(src.db, 'Khu cha');
    const child = await makeZone(src.db, 'Khu con');
    await src.db.updateTable('zones').set({ parent_id: parent.id }).where('id', '=', child.id).execute();
    // Updating the parent writes its new version after the child's: the backup holds the child first.
    await src.db.updateTable('zones').set({ name_en: 'Parent zone' }).where('id', '=', parent.id).execute();
    const file = path.join(dir, 'cycle.heza');
    await backupDatabase(src.url, file, { format: 'builtin' });
    const order = gunzipSync(await fs.readFile(file))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.includes(parent.id) && l.startsWith('['));
    expect(order[0]).toContain(child.id);
    const target = await fresh();
    expect((await restoreDatabase(target.url, file)).triggersDeferred).toBe(true);
    expect(await contents(target.url)).toEqual(await contents(src.url));
  });

  it('refuses a database that holds data unless forced', async () => {
    const file = path.join(dir, 'force.heza');
    await backupDatabase(source.url, file, { format: 'builtin' });
    const target = await fresh();
    await makeZone(target.db, 'Dữ liệu đang dùng');
    const before = await contents(target.url);
    const err = await refused(restoreDatabase(target.url, file), 'NOT_EMPTY');
    expect(err.message).toMatch(/zones.*--force/s);
    expect(await contents(target.url)).toEqual(before);

    await restoreDatabase(target.url, file, { force: true });
    expect(await contents(target.url)).toEqual(await contents(source.url));
    // A restored database holds data: a second restore needs --force again.
    await refused(restoreDatabase(target.url, file), 'NOT_EMPTY');
  });

  it('refuses damaged, truncated and foreign files and leaves the target untouched', async () => {
    const good = path.join(dir, 'good.heza');
    await backupDatabase(source.url, good, { format: 'builtin' });
    const bytes = await fs.readFile(good);
    const target = await fresh();
    await makeZone(target.db, 'Không được đụng tới');
    const before = await contents(target.url);

    const truncated = path.join(dir, 'truncated.heza');
    await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = Buffer.from(bytes);
    for (let i = 40; i < flipped.length - 20; i += 97) flipped[i]! ^= 0x5a;
    const corruptFile = path.join(dir, 'corrupt.heza');
    await fs.writeFile(corruptFile, flipped);
    // Cut at a line boundary inside valid gzip: only the missing trailer and counts reveal it.
    const lines = gunzipSync(bytes).toString('utf8').split('\n');
    const cut = path.join(dir, 'cut.heza');
    await fs.writeFile(cut, gzipSync(`${lines.slice(0, -4).join('\n')}\n`));

    for (const f of [truncated, corruptFile, cut]) {
      const err = await refused(restoreDatabase(target.url, f, { force: true }), 'CORRUPT');
      expect(err.message).toContain('nothing was restored');
    }

    const text = path.join(dir, 'notes.txt');
    await fs.writeFile(text, 'Biên bản họp, không phải bản sao lưu\n');
    const otherGzip = path.join(dir, 'other.gz');
    await fs.writeFile(otherGzip, gzipSync('{"hello":"world"}\n'));
    const empty = path.join(dir, 'empty.heza');
    await fs.writeFile(empty, '');
    for (const f of [text, otherGzip, empty]) {
      const err = await refused(restoreDatabase(target.url, f, { force: true }), 'NOT_A_BACKUP');
      expect(err.message).toContain('not a HEZA backup');
    }
    await refused(
      restoreDatabase(target.url, path.join(dir, 'missing.heza'), { force: true }),
      'NOT_A_BACKUP',
    );
    expect(await contents(target.url)).toEqual(before);
  });

  it('refuses a backup that needs a migration this code does not know', async () => {
    const good = path.join(dir, 'future-base.heza');
    await backupDatabase(source.url, good, { format: 'builtin' });
    const lines = gunzipSync(await fs.readFile(good))
      .toString('utf8')
      .split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.push({ name: '9999_from_the_future.sql', checksum: 'x', appliedAt: null });
    lines[0] = JSON.stringify(header);
    const future = path.join(dir, 'future.heza');
    await fs.writeFile(future, gzipSync(lines.join('\n')));
    const err = await refused(inspectBackup(future), 'UNKNOWN_MIGRATION');
    expect(err.message).toContain('9999_from_the_future.sql');
    const target = await fresh();
    await refused(restoreDatabase(target.url, future), 'UNKNOWN_MIGRATION');
  });

  it('refuses a truncated pg_dump archive and one of another database (when a usable pg_dump exists)', async (ctx) => {
    const file = path.join(dir, 'archive.heza');
    const made = await backupDatabase(source.url, file);
    if (made.format !== 'pg_dump') return ctx.skip(made.note);
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('PGDMP');
    const target = await fresh();
    await makeZone(target.db, 'Không được đụng tới');
    const before = await contents(target.url);
    const truncated = path.join(dir, 'archive-truncated.heza');
    await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await refused(restoreDatabase(target.url, truncated, { force: true }), 'CORRUPT');

    const name = `heza_other_${randomBytes(4).toString('hex')}`;
    await onServer(`create database "${name}"`);
    try {
      const other = new pg.Client({ connectionString: serverDbUrl(name) });
      await other.connect();
      await other.query(
        'create table notes (id int primary key, body text); insert into notes values (1, $$x$$)',
      );
      await other.end();
      const foreign = path.join(dir, 'foreign.dump');
      await backupDatabase(serverDbUrl(name), foreign, { format: 'pg_dump' });
      await refused(restoreDatabase(target.url, foreign, { force: true }), 'NOT_A_BACKUP');
    } finally {
      await onServer(`drop database "${name}" with (force)`);
    }
    expect(await contents(target.url)).toEqual(before);
  });

  it('does not overwrite an existing file unless asked', async () => {
    const file = path.join(dir, 'exists.heza');
    await fs.writeFile(file, 'keep me');
    await refused(backupDatabase(source.url, file), 'FILE_EXISTS');
    expect(await fs.readFile(file, 'utf8')).toBe('keep me');
    await backupDatabase(source.url, file, { overwrite: true, format: 'builtin' });
    expect((await inspectBackup(file)).format).toBe('builtin');
  });
});
