import pg from 'pg';
import { type BackupSource, openBackup } from './archive.ts';
import type { BackupProgress } from './backup.ts';
import {
  BackupError,
  type BackupInfo,
  codeMigrations,
  ident,
  publicTable,
  SESSION_SETTINGS_SQL,
} from './format.ts';
import { DATA_COUNT_CAP, publicTables, type TableShape, tablesWithData } from './inspect.ts';

/** The advisory lock `migrate()` takes: a restore must not run beside a migration of the same database. */
const MIGRATION_LOCK = 7305001;

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  force?: boolean;
  onProgress?: (p: BackupProgress) => void;
  /** Where PG_RESTORE and PATH are read from (tests). */
  env?: NodeJS.ProcessEnv;
}

export interface RestoreResult {
  format: BackupInfo['format'];
  createdAt: string | null;
  serverVersion: string | null;
  migrations: string[];
  /** Migrations of this code that the backup predates: applied by the next `heza start` / `heza db migrate`. */
  pendingMigrations: string[];
  tables: { name: string; rows: number }[];
  rows: number;
  /** False when the server did not allow `session_replication_role` and rows were loaded in FK order instead. */
  triggersDeferred: boolean;
}

/** Reads a backup through and checks it against this code's migrations, without touching any database. */
export async function inspectBackup(file: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupInfo> {
  const source = await openBackup(file, env);
  await checkMigrations(source.info);
  return source.info;
}

async function checkMigrations(info: BackupInfo) {
  const known = await codeMigrations();
  const unknown = info.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length) {
    throw new BackupError(
      'UNKNOWN_MIGRATION',
      `Bản sao lưu được tạo bởi phiên bản HEZA mới hơn: có migration mà mã nguồn này không biết (${unknown.join(', ')}). ` +
        `Hãy nâng cấp HEZA rồi khôi phục lại. (The backup has migrations this code does not know: ${unknown.join(', ')}; ` +
        'upgrade HEZA first.)',
    );
  }
  const changed = info.migrations
    .filter((m) => known.get(m.name)!.checksum !== m.checksum)
    .map((m) => m.name);
  if (changed.length) {
    throw new BackupError(
      'MIGRATION_CHANGED',
      `Migration trong bản sao lưu khác với mã nguồn (migrations differ from this code's): ${changed.join(', ')}.`,
    );
  }
  return known;
}

/**
 * Restores `file` into the database at `url`. The file is read through first, so a damaged or foreign file
 * is refused before anything changes. Then, in one transaction: the public schema is rebuilt by this code's
 * migrations up to the backup's set, every table is emptied and loaded with FK triggers off
 * (`session_replication_role = replica`), sequences are set, and row counts are compared with the backup's.
 * Any failure rolls everything back. A database holding data is refused unless `force`.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = await openBackup(file, opts.env);
  const { info } = source;
  const known = await checkMigrations(info);
  const client = new pg.Client({ connectionString: url, application_name: 'heza-restore' });
  await client.connect();
  try {
    await client.query(SESSION_SETTINGS_SQL);
    await client.query('begin');
    let result: RestoreResult;
    try {
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (!opts.force) await refuseIfNotEmpty(client);
      await dropPublicObjects(client);
      await applyMigrations(client, info, known);
      const shapes = await publicTables(client);
      if (shapes.length)
        await client.query(`truncate ${shapes.map((t) => publicTable(t.name)).join(', ')} restart identity`);
      const triggersDeferred = await deferTriggers(client);
      await loadRows(client, source, shapes, triggersDeferred, opts.onProgress ?? (() => {}));
      await setSequences(client, info);
      await verifyCounts(client, info);
      await client.query('commit');
      result = {
        format: info.format,
        createdAt: info.createdAt,
        serverVersion: info.serverVersion,
        migrations: info.migrations.map((m) => m.name),
        pendingMigrations: [...known.keys()].filter((name) => !info.migrations.some((m) => m.name === name)),
        tables: info.tables.map((t) => ({ name: t.name, rows: t.rows })),
        rows: info.tables.reduce((a, t) => a + t.rows, 0),
        triggersDeferred,
      };
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    }
    // Fresh statistics, or the planner guesses on empty-table estimates until autovacuum gets round to it.
    await client.query('analyze');
    return result;
  } finally {
    await client.end().catch(() => {});
  }
}

async function refuseIfNotEmpty(client: pg.Client) {
  const busy = await tablesWithData(client);
  if (!busy.length) return;
  const list = busy
    .slice(0, 8)
    .map((t) => `${t.name} (${t.rows >= DATA_COUNT_CAP ? `≥ ${DATA_COUNT_CAP}` : t.rows})`)
    .join(', ');
  throw new BackupError(
    'NOT_EMPTY',
    `CSDL đích đã có dữ liệu: ${list}${busy.length > 8 ? ', …' : ''} — khôi phục sẽ thay thế toàn bộ; dùng --force nếu chắc chắn. ` +
      '(The target database already holds data; restoring replaces all of it — use --force if you mean it.)',
  );
}

/** DROP keyword for each kind of object pg_identify_object reports in a schema. */
const DROP_KIND: Record<string, string> = {
  table: 'table',
  view: 'view',
  'materialized view': 'materialized view',
  'foreign table': 'foreign table',
  sequence: 'sequence',
  function: 'function',
  procedure: 'procedure',
  aggregate: 'aggregate',
  type: 'type',
  collation: 'collation',
  conversion: 'conversion',
  operator: 'operator',
  'operator class': 'operator class',
  'operator family': 'operator family',
  'statistics object': 'statistics',
  'text search configuration': 'text search configuration',
  'text search dictionary': 'text search dictionary',
  'text search parser': 'text search parser',
  'text search template': 'text search template',
};

/**
 * Removes what migrations created in the public schema so that they can run again from the start — every
 * object that belongs to the schema except extension members (extensions stay installed; migrations
 * create them `if not exists`), objects that go with their owner (identity and serial sequences) and
 * `schema_migrations` itself (emptied instead; `migrate()` owns its
 * definition). Rebuilding even an already-migrated database guarantees the schema is exactly the backup's.
 */
async function dropPublicObjects(client: pg.Client) {
  const { rows } = await client.query<{ type: string; identity: string }>(`
    select o.type, o.identity
    from pg_depend d, lateral pg_identify_object(d.classid, d.objid, 0) o
    where d.refclassid = 'pg_namespace'::regclass and d.refobjid = 'public'::regnamespace and d.deptype = 'n'
      and d.classid <> 'pg_extension'::regclass
      and not exists (select 1 from pg_depend e where e.classid = d.classid and e.objid = d.objid
        and e.deptype in ('e', 'i', 'a'))
      and o.identity <> 'public.schema_migrations'`);
  for (const { type, identity } of rows) {
    const kind = DROP_KIND[type];
    if (!kind) {
      throw new BackupError(
        'SCHEMA_MISMATCH',
        `Không thể tự xoá đối tượng (cannot drop object) ${type} ${identity}.`,
      );
    }
    // CASCADE and IF EXISTS: dropping one object may already have removed others that depend on it.
    await client.query(`drop ${kind} if exists ${identity} cascade`);
  }
  if ((await client.query(`select to_regclass('public.schema_migrations') as t`)).rows[0]?.t) {
    await client.query('delete from public.schema_migrations');
  }
}

/**
 * Runs this code's migrations for exactly the backup's set, each in a savepoint: the rows a migration writes
 * (reference data) then carry that subtransaction's id, like `migrate()`'s one-transaction-per-migration,
 * which is how tablesWithData tells them from restored data.
 */
async function applyMigrations(
  client: pg.Client,
  info: BackupInfo,
  known: Map<string, { sql: string; checksum: string }>,
) {
  // Same definition as migrate() creates: restore may run on a database that was never migrated.
  await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  for (const m of [...info.migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    const code = known.get(m.name)!;
    await client.query('savepoint heza_migration');
    try {
      await client.query(code.sql);
    } catch (err) {
      throw new BackupError(
        'SCHEMA_MISMATCH',
        `Migration ${m.name} thất bại (failed): ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    await client.query(
      'insert into public.schema_migrations (name, checksum, applied_at) values ($1, $2, coalesce($3::timestamptz, now()))',
      [m.name, code.checksum, m.appliedAt],
    );
    await client.query('release savepoint heza_migration');
  }
}

/**
 * Switches FK and other triggers off for this transaction, so rows load in any order and no trigger rewrites
 * them. Needs superuser (or, from PostgreSQL 15, `GRANT SET ON PARAMETER session_replication_role`); without
 * it rows are loaded parents first and FK checks run as usual.
 */
async function deferTriggers(client: pg.Client): Promise<boolean> {
  await client.query('savepoint heza_replica');
  try {
    await client.query('set local session_replication_role = replica');
    await client.query('release savepoint heza_replica');
    return true;
  } catch {
    await client.query('rollback to savepoint heza_replica');
    return false;
  }
}

async function loadRows(
  client: pg.Client,
  source: BackupSource,
  shapes: TableShape[],
  triggersDeferred: boolean,
  progress: (p: BackupProgress) => void,
) {
  const byName = new Map(shapes.map((t) => [t.name, t]));
  const rowsTotal = source.info.tables.reduce((a, t) => a + t.rows, 0);
  let rowsDone = 0;
  let insert: ((batch: (string | null)[][]) => Promise<void>) | undefined;
  let table = '';
  await source.load(
    {
      async table(name, columns) {
        table = name;
        insert = prepareInsert(byName.get(name), name, columns);
        progress({ table, rowsDone, rowsTotal });
      },
      async rows(batch) {
        try {
          await insert!(batch);
        } catch (err) {
          if ((err as { code?: string }).code === '23503' && !triggersDeferred) {
            throw new BackupError(
              'VERIFY_FAILED',
              `Bảng ${table}: vi phạm khoá ngoại khi nạp theo thứ tự (foreign-key violation while loading in order). ` +
                'Cần quyền đặt session_replication_role (needs superuser or GRANT SET ON PARAMETER session_replication_role).',
              { cause: err },
            );
          }
          throw err;
        }
        rowsDone += batch.length;
        progress({ table, rowsDone, rowsTotal });
      },
    },
    shapes.map((t) => t.name),
  );

  function prepareInsert(shape: TableShape | undefined, name: string, columns: string[]) {
    if (!shape) {
      throw new BackupError(
        'SCHEMA_MISMATCH',
        `Bảng ${name} có trong bản sao lưu nhưng migration không tạo ra nó (table in the backup but not made by its migrations).`,
      );
    }
    const types = columns.map((c) => {
      const col = shape.columns.find((x) => x.name === c);
      if (!col) {
        throw new BackupError(
          'SCHEMA_MISMATCH',
          `Cột ${name}.${c} không có trong lược đồ (column not in the schema).`,
        );
      }
      return col.type;
    });
    // One parameter per column (a text[] of the batch's values) keeps any batch under the 65535-parameter
    // limit; each value is cast from its text form, exactly as COPY would read it. OVERRIDING SYSTEM VALUE
    // keeps the ids of `generated always` identity columns.
    const sql = columns.length
      ? `insert into ${publicTable(name)} (${columns.map(ident).join(', ')}) overriding system value
         select ${types.map((t, i) => `u.c${i}::${t}`).join(', ')}
         from unnest(${types.map((_t, i) => `$${i + 1}::text[]`).join(', ')}) as u(${types.map((_t, i) => `c${i}`).join(', ')})`
      : `insert into ${publicTable(name)} select from generate_series(1, $1::int)`;
    return async (batch: (string | null)[][]) => {
      const params: unknown[] = columns.length
        ? columns.map((_c, i) => batch.map((row) => row[i] ?? null))
        : [batch.length];
      await client.query(sql, params);
    };
  }
}

async function setSequences(client: pg.Client, info: BackupInfo) {
  for (const s of info.sequences) {
    const exists = await client.query(`select to_regclass($1) as r`, [publicTable(s.name)]);
    if (!exists.rows[0]?.r) continue;
    await client.query('select setval($1::regclass, $2::bigint, $3)', [
      publicTable(s.name),
      s.lastValue,
      s.isCalled,
    ]);
  }
}

async function verifyCounts(client: pg.Client, info: BackupInfo) {
  for (const t of info.tables) {
    const r = await client.query<{ n: string }>(`select count(*)::text as n from ${publicTable(t.name)}`);
    const n = Number(r.rows[0]!.n);
    if (n !== t.rows) {
      throw new BackupError(
        'VERIFY_FAILED',
        `Bảng ${t.name}: ${n} dòng sau khi nạp, bản sao lưu có ${t.rows} (row count mismatch after loading); đã huỷ (rolled back).`,
      );
    }
  }
}
