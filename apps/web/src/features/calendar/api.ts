import type {
  CalendarChangeResult,
  CalendarImpact,
  CalendarOfficialDayView,
  CalendarYearView,
} from '@heza/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest } from '../../lib/api-client';

/** Every calendar query starts with this key: one invalidation after a write refreshes them all. */
export const calendarKey = ['calendar'] as const;
const base = '/api/calendar';

export type OfficialDayKind = CalendarOfficialDayView['kind'];
export type ChangeResult = z.infer<typeof CalendarChangeResult>;
export type YearView = z.infer<typeof CalendarYearView>;

/** A year as the portal shows it (public): working days, exceptions, pending decisions. */
export function useCalendarYear(year: number, enabled = true) {
  return useQuery({
    queryKey: [...calendarKey, 'year', year],
    queryFn: ({ signal }) => api.get<YearView>(`${base}/years/${year}`, {}, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Every row of the administrators' official table (all years: the calendar library needs them all). */
export function useOfficialDays(enabled = true) {
  return useQuery({
    queryKey: [...calendarKey, 'official-days'],
    queryFn: ({ signal }) => api.get<CalendarOfficialDayView[]>(`${base}/official-days`, {}, signal),
    enabled,
  });
}

/** What setting a date to `kind` (or removing its row when kind is null) would move, without saving. */
export function fetchImpact(date: string, kind: OfficialDayKind | null): Promise<CalendarImpact> {
  return api.get<CalendarImpact>(`${base}/official-days/${date}/impact`, kind ? { kind } : {});
}

export interface OfficialDayForm {
  kind: OfficialDayKind;
  nameVi: string;
  nameEn: string;
  source: string;
}

export function useSetOfficialDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      date,
      body,
      acknowledge,
    }: {
      date: string;
      body: OfficialDayForm;
      acknowledge: boolean;
    }) =>
      apiRequest<ChangeResult>(`${base}/official-days/${date}`, {
        method: 'PUT',
        body: { ...body, acknowledgeConflicts: acknowledge },
      }),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useDeleteOfficialDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, acknowledge }: { date: string; acknowledge: boolean }) =>
      apiRequest<ChangeResult>(`${base}/official-days/${date}`, {
        method: 'DELETE',
        query: { acknowledgeConflicts: acknowledge },
      }),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKey }),
  });
}
