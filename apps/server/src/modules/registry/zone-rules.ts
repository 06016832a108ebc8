/**
 * Lifecycle rules for zone events, pure so that the command and the spreadsheet import apply the same ones.
 * A zone's status on a date is derived from its events (never stored): the latest live event on or before it.
 */
import { bilingual } from '@heza/shared';
import { ESTABLISHED_STATUSES, ZONE_STATUSES, type ZoneStatus } from '@heza/shared/registry';
import type { FieldProblem } from '../../platform/errors.ts';

/** A live (not voided) event as the rules need it. */
export interface LiveEvent {
  status: string;
  eventDate: string;
}

/** Position of a status in the lifecycle; breaks ties between events of the same day. */
export function statusRank(status: string): number {
  return ZONE_STATUSES.indexOf(status as ZoneStatus);
}

/** The status in force on `date` (events voided already removed), or null before the first event. */
export function statusOn(
  events: readonly LiveEvent[],
  date: string,
): { status: ZoneStatus; since: string } | null {
  let best: LiveEvent | null = null;
  for (const e of events) {
    if (e.eventDate > date) continue;
    if (
      !best ||
      e.eventDate > best.eventDate ||
      (e.eventDate === best.eventDate && statusRank(e.status) > statusRank(best.status))
    ) {
      best = e;
    }
  }
  return best ? { status: best.status as ZoneStatus, since: best.eventDate } : null;
}

const NEEDS_ESTABLISHMENT = new Set(['construction', 'operating', 'suspended']);

/**
 * Checks a new event against the zone's live events: not in the future (an 'operating' event records a fact),
 * construction/operating/suspension only once the zone was established, nothing after closure, no duplicate.
 */
export function checkZoneEvent(
  live: readonly LiveEvent[],
  input: { status: string; eventDate: string; decisionDate?: string | null },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, vi: string, en: string) =>
    problems.push({ field, message: bilingual(vi, en) });
  if (input.eventDate > today) {
    problem(
      'eventDate',
      'Ngày sự kiện không được ở tương lai: chỉ ghi điều đã xảy ra.',
      'The event date cannot be in the future: record what has happened.',
    );
  }
  if (input.decisionDate && input.decisionDate > today) {
    problem(
      'decisionDate',
      'Ngày quyết định không được ở tương lai.',
      'The decision date cannot be in the future.',
    );
  }
  if (live.some((e) => e.status === input.status && e.eventDate === input.eventDate)) {
    problem(
      'status',
      'Sự kiện này đã được ghi cho ngày đó.',
      'This event is already recorded for that date.',
    );
  }
  if (NEEDS_ESTABLISHMENT.has(input.status)) {
    const established = live.some(
      (e) => (ESTABLISHED_STATUSES as readonly string[]).includes(e.status) && e.eventDate <= input.eventDate,
    );
    if (!established) {
      problem(
        'status',
        'Khu chưa có quyết định thành lập vào ngày này; ghi sự kiện thành lập trước.',
        'The zone was not established by this date; record its establishment first.',
      );
    }
  }
  const closed = live.find((e) => e.status === 'closed' && e.eventDate <= input.eventDate);
  if (closed && input.status !== 'closed') {
    problem('status', `Khu đã đóng ngày ${closed.eventDate}.`, `The zone was closed on ${closed.eventDate}.`);
  }
  return problems;
}
