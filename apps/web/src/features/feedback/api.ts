import type {
  AnswerFeedbackInput,
  CounterFeedbackInput,
  FeedbackCategoryInput,
  FeedbackCategoryView,
  FeedbackStatisticsView,
  FeedbackStatus,
  FeedbackView,
  PublishFeedbackInput,
  RouteFeedbackInput,
} from '@heza/shared/feedback';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

/** Every feedback query starts with this key: one invalidation after a write refreshes them all. */
export const feedbackKey = ['feedback'] as const;
const base = '/api/feedback';

export interface FeedbackListParams {
  page: number;
  pageSize: number;
  status?: FeedbackStatus | '';
  categoryCode?: string;
  unit?: string;
  channel?: 'portal' | 'counter' | '';
  overdue?: boolean;
  q?: string;
}

export function useFeedbackList(params: FeedbackListParams) {
  return useQuery({
    queryKey: [...feedbackKey, 'list', params],
    queryFn: ({ signal }) =>
      api.get<Page<FeedbackView>>(base, { ...params, overdue: params.overdue ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFeedback(id: string | undefined) {
  return useQuery({
    queryKey: [...feedbackKey, 'item', id],
    queryFn: ({ signal }) => api.get<FeedbackView>(`${base}/${id}`, {}, signal),
    enabled: !!id,
  });
}

/** The categories (active ones; all of them for the administration dialog). */
export function useCategories() {
  return useQuery({
    queryKey: [...feedbackKey, 'categories'],
    queryFn: ({ signal }) => api.get<FeedbackCategoryView[]>(`${base}/categories`, {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useFeedbackStatistics(period: string, groupBy: 'unit' | 'category', enabled: boolean) {
  return useQuery({
    queryKey: [...feedbackKey, 'statistics', period, groupBy],
    queryFn: ({ signal }) =>
      api.get<FeedbackStatisticsView>(`${base}/statistics`, { period, groupBy }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useWrite<I, O = FeedbackView>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKey }),
  });
}

export type CounterInput = z.input<typeof CounterFeedbackInput>;

export function useRecordAtCounter() {
  return useWrite((input: CounterInput) => api.post<FeedbackView>(`${base}/counter`, input));
}

export function useUpdateCategory() {
  return useWrite(({ code, input }: { code: string; input: z.input<typeof FeedbackCategoryInput> }) =>
    apiRequest<FeedbackCategoryView>(`${base}/categories/${code}`, { method: 'PUT', body: input }),
  );
}

/** The staff actions on one item (each returns the updated item). */
export function useFeedbackActions(id: string) {
  const url = (a: string) => `${base}/${id}/${a}`;
  return {
    take: useWrite(() => api.post<FeedbackView>(url('take'), {})),
    route: useWrite((input: z.input<typeof RouteFeedbackInput>) =>
      api.post<FeedbackView>(url('route'), input),
    ),
    note: useWrite((body: string) => api.post<FeedbackView>(url('notes'), { body })),
    answer: useWrite((input: z.input<typeof AnswerFeedbackInput>) =>
      api.post<FeedbackView>(url('answer'), input),
    ),
    publish: useWrite((input: z.input<typeof PublishFeedbackInput>) =>
      api.post<FeedbackView>(url('publish'), input),
    ),
    close: useWrite(() => api.post<FeedbackView>(url('close'), {})),
    category: useWrite((categoryCode: string) => api.post<FeedbackView>(url('category'), { categoryCode })),
    reopen: useWrite((reason: string) => api.post<FeedbackView>(url('reopen'), { reason })),
  };
}

/** Finds a dossier by its exact code (for linking a counter submission); null when there is none. */
export async function findDossierByCode(code: string): Promise<{ id: string; code: string } | null> {
  const page = await api.get<Page<{ id: string; code: string | null }>>('/api/procedures/dossiers', {
    q: code,
    pageSize: 10,
  });
  const hit = page.items.find((d) => d.code?.toUpperCase() === code.trim().toUpperCase());
  return hit?.code ? { id: hit.id, code: hit.code } : null;
}
