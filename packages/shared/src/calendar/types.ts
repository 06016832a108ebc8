/** A text in both UI languages, Vietnamese first. */
export type Bilingual = { vi: string; en: string };

/**
 * One row of an administrators' official calendar table for a year (Bộ Nội vụ / Prime Minister notice).
 * It overrides the computed rules on its date: 'holiday' and 'day_off' make the date non-working,
 * 'working_day' makes it a working day (a swapped Saturday, or a cancelled computed holiday).
 * `name` is Vietnamese; `nameEn` (optional, an addition to the database row) gives the English label.
 */
export type OfficialDay = {
  date: string;
  kind: 'holiday' | 'day_off' | 'working_day';
  name: string;
  source?: string;
  nameEn?: string;
};

/** How a date is classified by a calendar. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'day_off' | 'working_day';

/** A date with its classification and bilingual name, as listed by `holidaysOf`, `nonWorkingWeekdays`, etc. */
export type NamedDay = {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** 'holiday' (public holiday), 'day_off' (nghỉ bù / swapped day off), 'working_day' (làm bù), 'weekend'. */
  kind: DayKind;
  name: Bilingual;
  /** Where the fact comes from: an official-table source, or `rule:<id>` for a computed rule. */
  source: string;
};

/**
 * A dated holiday rule. It applies on a date D when effectiveFrom <= D <= effectiveTo (both inclusive;
 * null means open-ended). Solar rules name a day of the Gregorian year; lunar rules name a day of the
 * (non-leap) lunar month, computed for UTC+7, plus an inclusive span of day offsets around it.
 */
export type HolidayRule =
  | {
      id: string;
      type: 'solar';
      month: number;
      day: number;
      name: Bilingual;
      effectiveFrom: string | null;
      effectiveTo: string | null;
      source: string;
    }
  | {
      id: string;
      type: 'lunar';
      month: number;
      day: number;
      /** Inclusive offsets in days from the lunar date, e.g. [-1, 3] = the day before through 3 days after. */
      span: readonly [number, number];
      name: Bilingual;
      /** Optional per-day names, one per offset from span[0] to span[1]; `name` is used otherwise. */
      dayNames?: readonly Bilingual[];
      /** The exact days are fixed by a yearly decision: the span is only a default until the table confirms it. */
      decidedYearly?: boolean;
      effectiveFrom: string | null;
      effectiveTo: string | null;
      source: string;
    }
  | {
      /** A day the law grants but an official yearly decision places (e.g. the day next to 2/9): never guessed. */
      id: string;
      type: 'decided';
      /** The dates (MM-DD) one of which the decision picks. */
      candidates: readonly string[];
      name: Bilingual;
      effectiveFrom: string | null;
      effectiveTo: string | null;
      source: string;
    };

/** A dated weekly-rest rule: which weekdays (0 = Sunday ... 6 = Saturday) are rest days. */
export type WeekendRule = {
  weekdays: readonly number[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
};
