import { type CalendarConflict, type CalendarImpact, toIsoDateVn } from '@heza/shared';
import { createCalendar, type OfficialDay, type WorkingDayCalendar } from '@heza/shared/calendar/index';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import '../feedback/schema.ts';
import '../procedures/schema.ts';

/** Dossier states whose appointment has been issued and not yet kept (the result is not handed back). */
const OPEN_DOSSIER = ['received', 'processing', 'appraisal_supplement', 'result_ready'] as const;
const OPEN_FEEDBACK = ['received', 'in_progress'] as const;

/** The official rows with the row of `date` replaced by `row` (or removed when `row` is null). */
export function withChange(
  rows: readonly OfficialDay[],
  date: string,
  row: OfficialDay | null,
): OfficialDay[] {
  const out = rows.filter((r) => r.date !== date);
  if (row) out.push(row);
  return out;
}

/**
 * What changing the official table on one date does to deadlines already issued: every open dossier and
 * feedback item whose counting window (deemed receipt date, due date] contains the date, when the date
 * switches between working and non-working. Each is listed with the date the same number of working days
 * gives on the changed calendar. Issued appointments are not rewritten: the list is for staff to act on.
 */
export async function calendarImpact(
  db: DbOrTx,
  date: string,
  before: WorkingDayCalendar,
  afterRows: readonly OfficialDay[],
): Promise<CalendarImpact> {
  const after = createCalendar(afterRows);
  const wasWorkingDay = before.isWorkingDay(date);
  const isWorkingDay = after.isWorkingDay(date);
  if (wasWorkingDay === isWorkingDay) return { date, wasWorkingDay, isWorkingDay, conflicts: [] };

  const dossiers = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'counting_from', 'due_at'])
    .where('status', 'in', [...OPEN_DOSSIER])
    .where('counting_from', '<', date)
    // the appointment date on the Vietnam clock
    .where(sql<string>`(due_at at time zone 'Asia/Ho_Chi_Minh')::date`, '>=', date)
    .orderBy('due_at')
    .execute();
  const feedback = await db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'counting_from', 'due_date'])
    .where('status', 'in', [...OPEN_FEEDBACK])
    .where('counting_from', '<', date)
    .where('due_date', '>=', date)
    .orderBy('due_date')
    .execute();

  const recompute = (from: string, due: string) =>
    after.addWorkingDays(from, Math.max(0, before.workingDaysBetween(from, due)));
  const conflicts: CalendarConflict[] = [];
  for (const d of dossiers) {
    if (!d.code || !d.counting_from || !d.due_at) continue;
    const dueDate = toIsoDateVn(d.due_at);
    const recomputedDueDate = recompute(d.counting_from, dueDate);
    if (recomputedDueDate !== dueDate)
      conflicts.push({ entityType: 'dossier', id: d.id, code: d.code, dueDate, recomputedDueDate });
  }
  for (const f of feedback) {
    const recomputedDueDate = recompute(f.counting_from, f.due_date);
    if (recomputedDueDate !== f.due_date)
      conflicts.push({
        entityType: 'feedback',
        id: f.id,
        code: f.code,
        dueDate: f.due_date,
        recomputedDueDate,
      });
  }
  return { date, wasWorkingDay, isWorkingDay, conflicts };
}
