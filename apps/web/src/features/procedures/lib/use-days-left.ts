import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { todayIso } from '../../../lib/format-number';
import { calendarKey, type YearView } from '../../calendar/api';
import { workingDaysLeft, workingDayTest, yearsBetween } from '../../calendar/lib/working-days';

/**
 * Working days left until a due date (negative when overdue), counted on the platform's working-day
 * calendar (the public year views list every exception to Monday–Friday); undefined while loading.
 */
export function useWorkingDaysLeft(due: string | null | undefined): number | null | undefined {
  const today = todayIso();
  const years = due ? yearsBetween(today, due) : [];
  const results = useQueries({
    queries: years.map((year) => ({
      queryKey: [...calendarKey, 'year', year],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<YearView>(`/api/calendar/years/${year}`, {}, signal),
      staleTime: 5 * 60_000,
    })),
  });
  if (!due || results.some((r) => !r.data)) return undefined;
  return workingDaysLeft(today, due, workingDayTest(results.map((r) => r.data!)));
}
