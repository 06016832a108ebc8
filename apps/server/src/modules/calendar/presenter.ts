import type { CalendarOfficialDayView } from '@heza/shared';
import type { CalendarOfficialDayTable } from './schema.ts';

/** Presents an official calendar row. */
export function presentOfficialDay(
  r: Pick<CalendarOfficialDayTable, 'date' | 'kind' | 'name_vi' | 'name_en' | 'source'> & {
    updated_at: Date;
  },
): CalendarOfficialDayView {
  return {
    date: r.date,
    weekday: new Date(`${r.date}T00:00:00Z`).getUTCDay(),
    kind: r.kind,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    source: r.source,
    updatedAt: r.updated_at.toISOString(),
  };
}
