import {
  bilingual,
  type CalendarImpact,
  type CalendarOfficialDayInput,
  type CalendarOfficialDayView,
} from '@heza/shared';
import { createCalendar, type OfficialDay } from '@heza/shared/calendar/index';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { calendarImpact, withChange } from '../impact.ts';
import { presentOfficialDay } from '../presenter.ts';
import { invalidateCalendar, loadOfficialDays } from '../service.ts';

/** The CONFLICT error that lists every issued deadline a calendar change would move. */
function conflictError(impact: CalendarImpact): AppError {
  return new AppError('CONFLICT', {
    params: { field: { vi: 'lịch ngày làm việc', en: 'the working-day calendar' } },
    details: impact.conflicts.map((c) => ({
      field: 'date',
      message: bilingual(
        `${c.entityType === 'dossier' ? 'Hồ sơ' : 'Phản ánh'} ${c.code} đã hẹn ngày ${c.dueDate}; theo lịch mới sẽ là ${c.recomputedDueDate}.`,
        `${c.entityType === 'dossier' ? 'Dossier' : 'Feedback'} ${c.code} was given ${c.dueDate}; on the changed calendar it would be ${c.recomputedDueDate}.`,
      ),
      ...c,
    })),
  });
}

/**
 * Sets (input) or removes (null) the official calendar row of a date. When the change moves deadlines
 * already issued, it is refused with CONFLICT listing them, unless `acknowledgeConflicts` is set; then it
 * is saved and the list comes back as a warning. Edits are serialised on the calendar_state row.
 */
export async function changeOfficialDay(
  ctx: Ctx,
  date: string,
  input: CalendarOfficialDayInput | null,
  acknowledgeConflicts: boolean,
): Promise<{ day: CalendarOfficialDayView | null; impact: CalendarImpact }> {
  const result = await ctx.db.transaction().execute(async (tx) => {
    const state = await tx
      .selectFrom('calendar_state')
      .select('revision')
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const rows = await loadOfficialDays(tx);
    const before = await tx
      .selectFrom('calendar_official_days')
      .selectAll()
      .where('date', '=', date)
      .executeTakeFirst();
    if (!input && !before) {
      throw new AppError('NOT_FOUND', {
        params: { entity: { vi: 'ngày trong bảng lịch', en: 'Calendar row' } },
      });
    }
    const row: OfficialDay | null = input
      ? {
          date,
          kind: input.kind,
          name: input.nameVi,
          ...(input.nameEn && { nameEn: input.nameEn }),
          ...(input.source && { source: input.source }),
        }
      : null;
    const impact = await calendarImpact(tx, date, createCalendar(rows), withChange(rows, date, row));
    if (impact.conflicts.length > 0 && !acknowledgeConflicts) throw conflictError(impact);

    let day: CalendarOfficialDayView | null = null;
    if (input) {
      const saved = await tx
        .insertInto('calendar_official_days')
        .values({
          date,
          kind: input.kind,
          name_vi: input.nameVi,
          name_en: input.nameEn ?? null,
          source: input.source ?? null,
          updated_by: ctx.actor?.id ?? null,
        })
        .onConflict((oc) =>
          oc.column('date').doUpdateSet({
            kind: input.kind,
            name_vi: input.nameVi,
            name_en: input.nameEn ?? null,
            source: input.source ?? null,
            updated_by: ctx.actor?.id ?? null,
            updated_at: new Date(),
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      day = presentOfficialDay(saved);
    } else {
      await tx.deleteFrom('calendar_official_days').where('date', '=', date).execute();
    }
    await tx
      .updateTable('calendar_state')
      .set({ revision: Number(state.revision) + 1 })
      .where('id', '=', 1)
      .execute();
    await recordAudit(tx, ctx, {
      action: input ? 'calendar.official_day.set' : 'calendar.official_day.remove',
      entityType: 'calendar_official_day',
      entityId: date,
      before: before ? presentOfficialDay(before) : null,
      after: { day, conflicts: impact.conflicts },
    });
    return { day, impact };
  });
  invalidateCalendar(ctx.db);
  return result;
}
