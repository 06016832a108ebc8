import type {
  ConsistencyFinding,
  CreateReportInput,
  ReportContent,
  ReportFiguresView,
  ReportPreviewView,
  ReportStatus,
  ReportSummaryView,
  ReportView,
  TemplateInput,
  TemplateSummaryView,
  TemplateView,
  TraceView,
  UpdateTemplateInput,
  WorkflowInput,
} from '@heza/shared/official-reports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

/** Every official-reports query starts with this key: one invalidation after a write refreshes them all. */
export const officialReportsKey = ['official-reports'] as const;
const base = '/api/official-reports';

/** A figure of the catalogue as the template editor offers it. */
export interface CatalogueFigure {
  key: string;
  group: string;
  labelVi: string;
  labelEn: string;
  kind: string;
  unitVi: string;
  unitEn: string;
}

export type WorkflowStep = 'submit' | 'return' | 'approve' | 'issue' | 'publish';

export function useTemplates(includeInactive = false) {
  return useQuery({
    queryKey: [...officialReportsKey, 'templates', includeInactive],
    queryFn: ({ signal }) =>
      api.get<{ items: TemplateSummaryView[] }>(`${base}/templates`, { includeInactive }, signal),
  });
}

export function useTemplate(code: string | undefined) {
  return useQuery({
    queryKey: [...officialReportsKey, 'template', code],
    queryFn: ({ signal }) =>
      api.get<TemplateView>(`${base}/templates/${encodeURIComponent(code!)}`, {}, signal),
    enabled: !!code,
  });
}

export function useFigureCatalogue() {
  return useQuery({
    queryKey: [...officialReportsKey, 'catalogue'],
    queryFn: ({ signal }) =>
      api.get<{ figures: CatalogueFigure[]; periodTokens: string[]; functions: string[] }>(
        `${base}/figures/catalogue`,
        {},
        signal,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => api.post<TemplateView>(`${base}/templates`, input),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: officialReportsKey }),
  });
}

export function useUpdateTemplate(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTemplateInput) =>
      apiRequest<TemplateView>(`${base}/templates/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: input,
      }),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: officialReportsKey }),
  });
}

export interface ReportListParams {
  status: ReportStatus | '';
  templateCode: string;
  page: number;
  pageSize: number;
}

export function useReports(params: ReportListParams) {
  return useQuery({
    queryKey: [...officialReportsKey, 'reports', params],
    queryFn: ({ signal }) => api.get<Page<ReportSummaryView>>(`${base}/reports`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: [...officialReportsKey, 'report', id],
    queryFn: ({ signal }) => api.get<ReportView>(`${base}/reports/${id}`, {}, signal),
    enabled: !!id,
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReportInput) => api.post<ReportView>(`${base}/reports`, input),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: officialReportsKey }),
  });
}

export function useUpdateReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; content?: ReportContent; dataAsOf?: string | null }) =>
      apiRequest<ReportView>(`${base}/reports/${id}`, { method: 'PUT', body: input }),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: officialReportsKey }),
  });
}

export function useWorkflow(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, input }: { step: WorkflowStep; input: WorkflowInput }) =>
      api.post<ReportView>(`${base}/reports/${id}/${step}`, input),
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: officialReportsKey }),
  });
}

export function useReportFigures(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...officialReportsKey, 'report', id, 'figures'],
    queryFn: ({ signal }) => api.get<ReportFiguresView>(`${base}/reports/${id}/figures`, {}, signal),
    enabled: !!id && enabled,
  });
}

export function useReportPreview(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...officialReportsKey, 'report', id, 'preview'],
    queryFn: ({ signal }) => api.get<ReportPreviewView>(`${base}/reports/${id}/preview`, {}, signal),
    enabled: !!id && enabled,
  });
}

export function useConsistency(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...officialReportsKey, 'report', id, 'consistency'],
    queryFn: ({ signal }) =>
      api.get<{ findings: ConsistencyFinding[] }>(`${base}/reports/${id}/consistency`, {}, signal),
    enabled: !!id && enabled,
  });
}

export function useFigureRecords(id: string, key: string | null, page: number) {
  return useQuery({
    queryKey: [...officialReportsKey, 'report', id, 'records', key, page],
    queryFn: ({ signal }) =>
      api.get<TraceView>(
        `${base}/reports/${id}/figures/${encodeURIComponent(key!)}/records`,
        { page, pageSize: 50 },
        signal,
      ),
    enabled: key !== null,
    placeholderData: keepPreviousData,
  });
}

/** Where a report's DOCX or PDF downloads from (a plain link: the session cookie authorises it). */
export function documentUrl(id: string, format: 'docx' | 'pdf'): string {
  return `${base}/reports/${id}/document.${format}`;
}
