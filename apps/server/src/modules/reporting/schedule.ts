/**
 * Dates of a form's periods: the due day (hạn nộp, decides on time / late and reminders) and the lock day
 * (ngày khóa số liệu, after which nothing can be entered without an unlock exception). Both are counted in
 * calendar days after the period's last day, on Vietnam's clock.
 */
import {
  formatDateVi,
  type Period,
  periodEnd,
  periodId,
  periodLabel,
  periodStart,
  periodsOfType,
  tryParsePeriod,
} from '@heza/shared';
import { todayVn } from '@heza/shared/registry';
import { invalidField } from '../registry/commands/errors.ts';

/** The clock reporting reads; tests move it (vi.spyOn(clock, 'today')) to check lock and due days. */
export const clock = {
  /** Today in Vietnam, 'YYYY-MM-DD'. */
  today: (): string => todayVn(),
  /** The current instant. */
  now: (): Date => new Date(),
};

/** 'YYYY-MM-DD' + n calendar days. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The date part of an instant on Vietnam's clock. */
export function vnDate(at: Date | string): string {
  return todayVn(typeof at === 'string' ? new Date(at) : at);
}

/** What the schedule needs of a form. */
export interface ScheduleForm {
  period_type: string;
  due_after_days: number;
  lock_after_days: number;
  first_period: string;
  last_period: string | null;
}

/** The due day (hạn nộp) of a period. */
export function dueDate(form: ScheduleForm, p: Period): string {
  return addDays(periodEnd(p), form.due_after_days);
}

/** The lock day (ngày khóa số liệu) of a period: the last day values can change. */
export function lockDate(form: ScheduleForm, p: Period): string {
  return addDays(periodEnd(p), form.lock_after_days);
}

/** Whether a first submission made on `submittedOn` ('YYYY-MM-DD') is on time. */
export function isOnTime(form: ScheduleForm, p: Period, submittedOn: string): boolean {
  return submittedOn <= dueDate(form, p);
}

/**
 * Parses a period id for a form: the right type, not before the form's first period nor after its last, and
 * already started (a report cannot be made for a future period). Throws VALIDATION_FAILED on `field`.
 */
export function formPeriod(form: ScheduleForm, id: string, field = 'period', today = clock.today()): Period {
  const p = tryParsePeriod(id);
  if (!p) {
    throw invalidField(field, `Kỳ báo cáo "${id}" không hợp lệ.`, `"${id}" is not a valid period.`);
  }
  if (p.type !== form.period_type) {
    throw invalidField(
      field,
      `Kỳ ${id} không đúng loại kỳ của biểu mẫu (${form.period_type}).`,
      `Period ${id} is not of the form's period type (${form.period_type}).`,
    );
  }
  const first = tryParsePeriod(form.first_period);
  if (first && periodStart(p) < periodStart(first)) {
    throw invalidField(
      field,
      `Biểu mẫu chỉ áp dụng từ kỳ ${periodLabel(first, 'vi')}.`,
      `The form applies from ${periodLabel(first, 'en')} only.`,
    );
  }
  const last = form.last_period ? tryParsePeriod(form.last_period) : undefined;
  if (last && periodStart(p) > periodStart(last)) {
    throw invalidField(
      field,
      `Biểu mẫu chỉ áp dụng đến kỳ ${periodLabel(last, 'vi')}.`,
      `The form applies until ${periodLabel(last, 'en')} only.`,
    );
  }
  if (periodStart(p) > today) {
    throw invalidField(
      field,
      `Kỳ ${periodLabel(p, 'vi')} chưa bắt đầu (từ ngày ${formatDateVi(periodStart(p))}).`,
      `${periodLabel(p, 'en')} has not started yet (it starts on ${periodStart(p)}).`,
    );
  }
  return p;
}

/** The form's periods that have started on or before `today`, from `from` (an ISO date) on, oldest first. */
export function startedPeriods(form: ScheduleForm, from: string, today = clock.today()): Period[] {
  const first = tryParsePeriod(form.first_period);
  const last = form.last_period ? tryParsePeriod(form.last_period) : undefined;
  const start = first && periodStart(first) > from ? periodStart(first) : from;
  if (start > today) return [];
  return periodsOfType(form.period_type as Period['type'], start, today).filter(
    (p) => (!last || periodStart(p) <= periodStart(last)) && periodStart(p) <= today,
  );
}

/** A period's id and its labels (for views and e-mails). */
export function periodInfo(p: Period) {
  return {
    id: periodId(p),
    labelVi: periodLabel(p, 'vi'),
    labelEn: periodLabel(p, 'en'),
    start: periodStart(p),
    end: periodEnd(p),
  };
}
