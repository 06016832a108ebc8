import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from '../../db/schema.ts';

/** The administrators' official calendar table (migration 0020). `date` reads back as 'YYYY-MM-DD'. */
export interface CalendarOfficialDayTable {
  date: string;
  kind: 'holiday' | 'day_off' | 'working_day';
  name_vi: string;
  name_en: string | null;
  source: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  updated_by: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    calendar_official_days: CalendarOfficialDayTable;
    calendar_state: { id: Generated<number>; revision: Generated<number> };
  }
}
