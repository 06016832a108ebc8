import type pg from 'pg';
import { publicTable } from './format.ts';

/** A table of the public schema with its insertable columns (generated columns are left out). */
export interface TableShape {
  name: string;
  columns: { name: string; type: string }[];
}

const NOT_EXTENSION_MEMBER = `not exists (select 1 from pg_depend d
  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/**
 * Strongly connected components of the graph (Tarjan), each emitted after every component it points to —
 * here: parents before children. Names are visited in order so the result is the same on every run.
 */
function componentsParentsFirst(names: string[], parents: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of [...(parents.get(v) ?? [])].sort()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const v of names) if (!index.has(v)) visit(v);
  return out;
}

/**
 * The public schema's tables except `schema_migrations` (migrations rebuild it), parents before children
 * along foreign keys so that rows can be loaded in this order even without deferring FK checks. Tables of a
 * cycle keep name order among themselves; restore defers FK checks for them when the server allows it.
 */
export async function publicTables(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: { name: string; type: string }[] }>(`
    select c.relname as name,
      coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
        order by a.attnum) filter (where a.attnum is not null), '[]') as columns
    from pg_class c
    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'schema_migrations'
      and ${NOT_EXTENSION_MEMBER}
    group by c.relname order by c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
    where k.contype = 'f' and ch.relnamespace = 'public'::regnamespace
      and pa.relnamespace = 'public'::regnamespace and ch.oid <> pa.oid`);
  // Tables in a foreign-key cycle (zones ↔ enterprises) form one strongly connected component; ordering the
  // components keeps every table that merely depends on a cycle (users, audit_log) after the whole cycle.
  const names = rows.map((r) => r.name);
  const parents = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const e of edges.rows) if (parents.has(e.parent)) parents.get(e.child)?.push(e.parent);
  const ordered: TableShape[] = [];
  const byName = new Map(rows.map((r) => [r.name, r]));
  for (const component of componentsParentsFirst(names, parents)) {
    for (const name of component.sort()) ordered.push(byName.get(name)!);
  }
  return ordered;
}

/** Current value of every sequence of the public schema (identity columns included). */
export async function publicSequences(
  client: pg.ClientBase,
): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and ${NOT_EXTENSION_MEMBER}
    order by c.relname`);
  const out: { name: string; lastValue: string; isCalled: boolean }[] = [];
  for (const { name } of rows) {
    const r = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${publicTable(name)}`,
    );
    out.push({ name, lastValue: r.rows[0]!.last_value, isCalled: r.rows[0]!.is_called });
  }
  return out;
}

/** Migrations recorded in `schema_migrations` (none when the table does not exist yet). */
export async function appliedMigrations(
  client: pg.ClientBase,
): Promise<{ name: string; checksum: string; appliedAt: string | null }[]> {
  const exists = await client.query<{ t: string | null }>(
    `select to_regclass('public.schema_migrations')::text as t`,
  );
  if (!exists.rows[0]?.t) return [];
  const { rows } = await client.query<{ name: string; checksum: string; applied_at: string | null }>(
    'select name, checksum, applied_at::text as applied_at from public.schema_migrations order by name',
  );
  return rows.map((r) => ({ name: r.name, checksum: r.checksum, appliedAt: r.applied_at }));
}

/** The server's version string and major version (pg_dump must be at least that major). */
export async function serverVersion(client: pg.ClientBase): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ v: string; n: string }>(
    `select current_setting('server_version') as v, current_setting('server_version_num') as n`,
  );
  return { version: rows[0]!.v, major: Math.floor(Number(rows[0]!.n) / 10000) };
}

/** Row counts of tablesWithData stop here: the answer only has to say "not empty", not scan big tables. */
export const DATA_COUNT_CAP = 1000;

/**
 * Tables that hold data the migrations did not write. Reference rows inserted by a migration (roles,
 * permissions) share the transaction id (xmin) of that migration's `schema_migrations` row, because
 * `migrate()` writes both in one transaction; any other row — or a reference row edited later — has another
 * xmin. xids 0–2 (frozen by old servers) never count as migration rows, so freezing errs towards "not empty".
 */
export async function tablesWithData(client: pg.ClientBase): Promise<{ name: string; rows: number }[]> {
  const tables = await publicTables(client);
  const hasMigrations = (await appliedMigrations(client)).length > 0;
  const found: { name: string; rows: number }[] = [];
  for (const t of tables) {
    const filter = hasMigrations
      ? `where xmin::text not in (select xmin::text from public.schema_migrations where xmin::text::bigint > 2)`
      : '';
    const { rows } = await client.query<{ n: string }>(
      `select count(*)::text as n from (select 1 from ${publicTable(t.name)} ${filter} limit ${DATA_COUNT_CAP}) s`,
    );
    const n = Number(rows[0]!.n);
    if (n > 0) found.push({ name: t.name, rows: n });
  }
  return found;
}
