import type {
  CounterIntakeInput,
  DossierStatus,
  DossierSummary,
  DossierView,
  ExtensionInput,
  NoteInput,
  ProcedureSummary,
  ProcedureVersionInput,
  ProcedureView,
  ProvideSupplementInput,
  ReasonInput,
  ResultInput,
  ReturnInput,
  ScorecardView,
  StatisticsView,
  StoredFileView,
  SubmitDossierInput,
  SupplementRequestInput,
} from '@heza/shared/procedures';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

/** Every procedures query starts with this key: one invalidation after a write refreshes them all. */
export const proceduresKey = ['procedures'] as const;
const base = '/api/procedures';

/** The catalogue in force today (public route; staff see the same list). */
export function useCatalogue(params: { q?: string; field?: string; onlineLevel?: string } = {}) {
  return useQuery({
    queryKey: [...proceduresKey, 'catalogue', params],
    queryFn: ({ signal }) => api.get<ProcedureSummary[]>(`${base}/catalogue`, params, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One procedure as in force today: documents, steps, fees. */
export function useProcedure(code: string | null | undefined) {
  return useQuery({
    queryKey: [...proceduresKey, 'procedure', code],
    queryFn: ({ signal }) =>
      api.get<ProcedureView>(`${base}/catalogue/${encodeURIComponent(code!)}`, {}, signal),
    enabled: !!code,
    staleTime: 60_000,
  });
}

/** Every version of a procedure (needs procedures.catalogue.read). */
export function useProcedureVersions(code: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...proceduresKey, 'versions', code],
    queryFn: ({ signal }) =>
      api.get<ProcedureView[]>(`${base}/catalogue/${encodeURIComponent(code!)}/versions`, {}, signal),
    enabled: !!code && enabled,
  });
}

export interface DossierListParams {
  page: number;
  pageSize: number;
  status?: DossierStatus | '';
  procedureCode?: string;
  q?: string;
  overdue?: boolean;
}

export function useDossierList(params: DossierListParams) {
  return useQuery({
    queryKey: [...proceduresKey, 'dossiers', params],
    queryFn: ({ signal }) =>
      api.get<Page<DossierSummary>>(
        `${base}/dossiers`,
        { ...params, overdue: params.overdue ? 'true' : undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useWorkQueue(params: { page: number; pageSize: number; mine: boolean }) {
  return useQuery({
    queryKey: [...proceduresKey, 'queue', params],
    queryFn: ({ signal }) =>
      api.get<Page<DossierSummary>>(
        `${base}/queue`,
        { page: params.page, pageSize: params.pageSize, mine: params.mine ? 'true' : undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: [...proceduresKey, 'dossier', id],
    queryFn: ({ signal }) => api.get<DossierView>(`${base}/dossiers/${id}`, {}, signal),
    enabled: !!id,
  });
}

export function useStatistics(period: string, groupBy: 'procedure' | 'unit' | 'none', enabled: boolean) {
  return useQuery({
    queryKey: [...proceduresKey, 'statistics', period, groupBy],
    queryFn: ({ signal }) => api.get<StatisticsView>(`${base}/statistics`, { period, groupBy }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useScorecard(period: string, enabled: boolean) {
  return useQuery({
    queryKey: [...proceduresKey, 'scorecard', period],
    queryFn: ({ signal }) => api.get<ScorecardView>(`${base}/scorecard`, { period }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The URL of a form (01–06) of a dossier, rendered by the server. */
export function formUrl(id: string, form: string, format: 'pdf' | 'docx'): string {
  return `${base}/dossiers/${id}/forms/${form}/${format}`;
}

/** The URL of a file attached to a dossier. */
export function dossierFileUrl(id: string, fileId: string): string {
  return `${base}/dossiers/${id}/files/${fileId}`;
}

function useWrite<I, O>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { showsOwnErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: proceduresKey }),
  });
}

/** Uploads one file (the raw body; the server sniffs the content and refuses other types or > 10 MB). */
export function useUpload() {
  return useMutation({
    mutationFn: (file: File) => api.upload<StoredFileView>(`${base}/uploads`, file, { name: file.name }),
    meta: { showsOwnErrors: true },
  });
}

export type SubmitInput = z.input<typeof SubmitDossierInput>;
export type CounterInput = z.input<typeof CounterIntakeInput>;
export type VersionInput = z.input<typeof ProcedureVersionInput>;

export function useSubmitDossier() {
  return useWrite((input: SubmitInput) =>
    api.post<{ id: string; status: DossierStatus; trackingSecret: string }>(`${base}/dossiers`, input),
  );
}

export function useCounterIntake() {
  return useWrite((input: CounterInput) => api.post<DossierView>(`${base}/dossiers/counter`, input));
}

export function useCreateVersion() {
  return useWrite((input: VersionInput) => api.post<ProcedureView>(`${base}/catalogue`, input));
}

/** The transitions of one dossier (each returns the updated dossier). */
export function useDossierActions(id: string) {
  const url = (a: string) => `${base}/dossiers/${id}/${a}`;
  const post =
    <I>(path: string) =>
    (input: I) =>
      api.post<DossierView>(url(path), input);
  return {
    receive: useWrite(post<z.input<typeof NoteInput>>('receive')),
    intakeSupplement: useWrite(post<z.input<typeof SupplementRequestInput>>('intake-supplement')),
    reject: useWrite(post<z.input<typeof ReasonInput>>('reject')),
    counterSupplement: useWrite(post<z.input<typeof ProvideSupplementInput>>('supplement/counter')),
    transfer: useWrite(post<z.input<typeof NoteInput>>('transfer')),
    claim: useWrite(post<Record<string, never>>('claim')),
    result: useWrite(post<z.input<typeof ResultInput>>('result')),
    completeStep: useWrite(post<z.input<typeof NoteInput>>('complete-step')),
    appraisalSupplement: useWrite(post<z.input<typeof SupplementRequestInput>>('appraisal-supplement')),
    extend: useWrite(post<z.input<typeof ExtensionInput>>('extend')),
    stop: useWrite(post<z.input<typeof ReasonInput>>('stop')),
    returnResult: useWrite(post<z.input<typeof ReturnInput>>('return')),
    archive: useWrite(post<z.input<typeof NoteInput>>('archive')),
    withdraw: useWrite(post<z.input<typeof ReasonInput>>('withdraw')),
    applicantSupplement: useWrite((input: z.input<typeof ProvideSupplementInput>) =>
      api.post<{ id: string; status: string }>(url('supplement'), input),
    ),
  };
}

export type DossierActions = ReturnType<typeof useDossierActions>;
