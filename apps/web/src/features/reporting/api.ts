import type {
  CompletenessView,
  EntryValue,
  EntryView,
  FormView,
  IndicatorView,
  MissingItem,
  Obligation,
  ReportImportResult,
  SubmissionListItem,
  ValueHistoryItem,
} from '@heza/shared/reporting';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

/** Every reporting query starts with this key: one invalidation after a write refreshes them all. */
export const reportingKey = ['reporting'] as const;

/** The address of one report (form × enterprise × period). */
export interface ReportKey {
  formId: string;
  enterpriseId: string;
  periodId: string;
}

export type EntryProblem = EntryView['problems'][number];
export type Submission = z.infer<typeof SubmissionListItem>;
export type ObligationItem = z.infer<typeof Obligation>;
export type Completeness = z.infer<typeof CompletenessView>;
export type Missing = z.infer<typeof MissingItem>;

const reportUrl = (k: ReportKey) =>
  `/api/reporting/forms/${k.formId}/reports/${k.enterpriseId}/${k.periodId}`;

export function useIndicators() {
  return useQuery({
    queryKey: [...reportingKey, 'indicators'],
    queryFn: ({ signal }) => api.get<{ items: IndicatorView[] }>('/api/reporting/indicators', {}, signal),
    staleTime: 60_000,
  });
}

export function useForms() {
  return useQuery({
    queryKey: [...reportingKey, 'forms'],
    queryFn: ({ signal }) => api.get<{ items: FormView[] }>('/api/reporting/forms', {}, signal),
  });
}

export function useObligations(enterpriseId: string) {
  return useQuery({
    queryKey: [...reportingKey, 'obligations', enterpriseId],
    queryFn: ({ signal }) =>
      api.get<{ items: ObligationItem[] }>(
        `/api/reporting/enterprises/${enterpriseId}/obligations`,
        {},
        signal,
      ),
    enabled: enterpriseId !== '',
  });
}

export function useEntry(key: ReportKey) {
  return useQuery({
    queryKey: [...reportingKey, 'entry', key.formId, key.enterpriseId, key.periodId],
    queryFn: ({ signal }) => api.get<EntryView>(reportUrl(key), {}, signal),
  });
}

export function useValueHistory(key: ReportKey, indicator: string | null) {
  return useQuery({
    queryKey: [...reportingKey, 'history', key.formId, key.enterpriseId, key.periodId, indicator],
    queryFn: ({ signal }) =>
      api.get<{ items: ValueHistoryItem[] }>(
        `${reportUrl(key)}/history`,
        { indicator: indicator ?? undefined },
        signal,
      ),
    enabled: indicator !== null,
  });
}

/** A reporting write: the page shows its own errors; on success every reporting query is refreshed. */
function useReportingWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { showsOwnErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingKey }),
  });
}

export interface SaveResult {
  submissionId: string;
  version: number;
  problems: EntryProblem[];
}

export interface SubmitResult {
  submissionId: string;
  status: string;
  version: number;
  changes: number;
  warnings: EntryProblem[];
}

export function useSaveDraft(key: ReportKey) {
  return useReportingWrite((input: { values: EntryValue[]; version: number }) =>
    apiRequest<SaveResult>(`${reportUrl(key)}/draft`, { method: 'PUT', body: input }),
  );
}

export function useSubmitReport(key: ReportKey) {
  return useReportingWrite((input: { values: EntryValue[]; version: number }) =>
    api.post<SubmitResult>(`${reportUrl(key)}/submit`, input),
  );
}

export function useSubmissions(filters: {
  formId: string;
  periodId: string;
  status: string;
  page: number;
  enterpriseId?: string;
}) {
  return useQuery({
    queryKey: [...reportingKey, 'submissions', filters],
    queryFn: ({ signal }) =>
      api.get<Page<Submission>>('/api/reporting/submissions', { ...filters, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReview() {
  return useReportingWrite((input: { submissionId: string; action: 'accept' | 'return'; comment?: string }) =>
    api.post<{ status: string }>(
      `/api/reporting/submissions/${input.submissionId}/${input.action}`,
      input.action === 'return' ? { comment: input.comment } : undefined,
    ),
  );
}

export function useCompleteness(formId: string, periods: string, groupBy: string) {
  return useQuery({
    queryKey: [...reportingKey, 'completeness', formId, periods, groupBy],
    queryFn: ({ signal }) =>
      api.get<Completeness>('/api/reporting/completeness', { formId, periods, groupBy }, signal),
    enabled: formId !== '' && periods !== '',
    placeholderData: keepPreviousData,
  });
}

export function useMissing(formId: string, periodId: string) {
  return useQuery({
    queryKey: [...reportingKey, 'missing', formId, periodId],
    queryFn: ({ signal }) =>
      api.get<{ items: Missing[] }>('/api/reporting/completeness/missing', { formId, periodId }, signal),
    enabled: formId !== '' && periodId !== '',
  });
}

export function useSendReminders(formId: string) {
  return useReportingWrite((periodId: string) =>
    api.post<{ periodId: string; enterprises: number; mails: number }>(
      `/api/reporting/forms/${formId}/reminders`,
      { periodId },
    ),
  );
}

export function useImportReports(formId: string) {
  return useReportingWrite((input: { file: File; dryRun: boolean }) =>
    api.upload<ReportImportResult>(`/api/reporting/forms/${formId}/import`, input.file, {
      dryRun: input.dryRun,
    }),
  );
}
