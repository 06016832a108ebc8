/**
 * Public API of the working-day calendar (pure TypeScript: no Node or DOM imports).
 * Dates are 'YYYY-MM-DD' calendar dates in Asia/Ho_Chi_Minh (UTC+7).
 */

export {
  type AppointmentOptions,
  appointmentFor,
  type CalendarOptions,
  createCalendar,
  type PendingDecision,
  type ReceivedOnOptions,
  type WorkingDayCalendar,
} from './calendar.ts';
export { addCalendarDays, type DayNumber, formatDay, parseDay, tryParseDay, weekdayOf } from './days.ts';
export { CalendarError, type CalendarErrorCode } from './errors.ts';
export { lunarNewYearDay, lunarToSolarDay, VN_LUNAR_TIME_ZONE } from './lunar.ts';
export { OFFICIAL_TABLE_2024_2026 } from './official-table.ts';
export { HOLIDAY_RULES_VN, LABOUR_CODE_2019_FROM, WEEKDAY_NAMES, WEEKEND_RULES_VN } from './rules.ts';
export type { Bilingual, DayKind, HolidayRule, NamedDay, OfficialDay, WeekendRule } from './types.ts';
