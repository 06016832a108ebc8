import { createCalendar, type OfficialDay, type WorkingDayCalendar } from '@heza/shared/calendar/index';
import type { DbOrTx } from '../../db/client.ts';
import './schema.ts';

/**
 * The working-day calendar of the platform: the dated rules of packages/shared/src/calendar overlaid with
 * the administrators' official table from the database. Built once per table revision and cached per
 * database handle; every call compares the cached revision with `calendar_state` (one indexed read), so an
 * edit made by another process is seen at once.
 */

type Cached = { revision: number; calendar: WorkingDayCalendar };
const cache = new WeakMap<object, Cached>();

/** The official table rows as the calendar library takes them. */
export async function loadOfficialDays(db: DbOrTx): Promise<OfficialDay[]> {
  const rows = await db
    .selectFrom('calendar_official_days')
    .select(['date', 'kind', 'name_vi', 'name_en', 'source'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    name: r.name_vi,
    ...(r.name_en !== null && { nameEn: r.name_en }),
    ...(r.source !== null && { source: r.source }),
  }));
}

async function revisionOf(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('calendar_state').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/**
 * The current calendar (rules + official table), from the cache when the table has not changed. Inside a
 * transaction pass it as `via`: the reads then use the transaction's connection (a second connection
 * from the pool could wait forever behind busy transactions), while the cache stays keyed on `db`.
 */
export async function getCalendar(db: DbOrTx, via: DbOrTx = db): Promise<WorkingDayCalendar> {
  const revision = await revisionOf(via);
  const hit = cache.get(db);
  if (hit && hit.revision === revision) return hit.calendar;
  const calendar = createCalendar(await loadOfficialDays(via));
  cache.set(db, { revision, calendar });
  return calendar;
}

/** Drops the cached calendar of a database handle (after an edit in this process). */
export function invalidateCalendar(db: DbOrTx): void {
  cache.delete(db);
}
