import type {
  DisaggregationView,
  FormView,
  IndicatorView,
  RuleView,
  UnlockView,
} from '@heza/shared/reporting';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportingKey } from '../api';

export function useDisaggregations() {
  return useQuery({
    queryKey: [...reportingKey, 'disaggregations'],
    queryFn: ({ signal }) =>
      api.get<{ items: DisaggregationView[] }>('/api/reporting/disaggregations', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useFormDetail(formId: string) {
  return useQuery({
    queryKey: [...reportingKey, 'form', formId],
    queryFn: ({ signal }) => api.get<FormView>(`/api/reporting/forms/${formId}`, {}, signal),
    enabled: formId !== '',
  });
}

export function useUnlocks(formId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportingKey, 'unlocks', formId],
    queryFn: ({ signal }) =>
      api.get<{ items: UnlockView[] }>(`/api/reporting/forms/${formId}/unlocks`, {}, signal),
    enabled: enabled && formId !== '',
  });
}

/** A set-up write: the page shows its own errors; on success every reporting query is refreshed. */
function useAdminWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { showsOwnErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingKey }),
  });
}

export function useCreateIndicator() {
  return useAdminWrite((input: object) => api.post<IndicatorView>('/api/reporting/indicators', input));
}

export function useUpdateIndicator(code: string) {
  return useAdminWrite((patch: object) =>
    api.patch<IndicatorView>(`/api/reporting/indicators/${encodeURIComponent(code)}`, patch),
  );
}

export function useCreateForm() {
  return useAdminWrite((input: object) => api.post<FormView>('/api/reporting/forms', input));
}

export function useUpdateForm(formId: string) {
  return useAdminWrite((patch: object) => api.patch<FormView>(`/api/reporting/forms/${formId}`, patch));
}

export function useSaveRule(formId: string) {
  return useAdminWrite((input: { id?: string; body: object }) =>
    input.id
      ? api.patch<RuleView>(`/api/reporting/rules/${input.id}`, input.body)
      : api.post<RuleView>(`/api/reporting/forms/${formId}/rules`, input.body),
  );
}

export function useDeleteRule() {
  return useAdminWrite((ruleId: string) => api.delete<{ id: string }>(`/api/reporting/rules/${ruleId}`));
}

export function useGrantUnlock(formId: string) {
  return useAdminWrite(
    (input: { periodId: string; enterpriseId: string | null; openUntil: string; reason: string }) =>
      api.post<UnlockView>(`/api/reporting/forms/${formId}/unlocks`, input),
  );
}

export function useRevokeUnlock() {
  return useAdminWrite((unlockId: string) =>
    api.post<UnlockView>(`/api/reporting/unlocks/${unlockId}/revoke`),
  );
}

/** Names of enterprises known only by id (a form's list, unlock exceptions), from the registry. */
export function useEnterpriseNames(ids: string[]): Map<string, string> {
  const results = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: ['registry', 'enterprises', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<{ id: string; nameVi: string; taxCode: string }>(`/api/enterprises/${id}`, {}, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  for (const r of results) if (r.data) names.set(r.data.id, `${r.data.nameVi} — ${r.data.taxCode}`);
  return names;
}

export function templateUrl(formId: string, format: 'xlsx' | 'csv'): string {
  return `/api/reporting/forms/${formId}/import-template?format=${format}`;
}
