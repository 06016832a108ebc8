import type { ImportEntity, ImportReport } from '@heza/shared/registry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../lib/api-client';
import { registryKey } from './registry-query';

/** A background import as the API reports it while it runs. */
export interface ImportJob {
  id: string;
  entity: ImportEntity;
  status: 'running' | 'done' | 'failed';
  phase: 'validate' | 'write';
  done: number;
  total: number;
  report: ImportReport | null;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spreadsheet format of a file by its name, or null when it is neither XLSX nor CSV. */
export function spreadsheetFormat(fileName: string): 'xlsx' | 'csv' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** URL of a template download (the browser sends the session cookie; the server answers with a file). */
export function templateUrl(entity: ImportEntity, format: 'xlsx' | 'csv'): string {
  return buildUrl(`/api/registry/import/templates/${entity}`, { format });
}

/** Starts a background import (or a dry run) of one file. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ entity, file, dryRun }: { entity: ImportEntity; file: File; dryRun: boolean }) => {
      const format = spreadsheetFormat(file.name) ?? 'xlsx';
      // Browsers label CSV files inconsistently (text/csv, application/vnd.ms-excel, nothing): say it plainly.
      const body = new Blob([file], { type: format === 'csv' ? 'text/csv' : XLSX_TYPE });
      return api.upload<ImportJob>(`/api/registry/import/${entity}/jobs`, body, {
        dryRun: String(dryRun),
        format,
      });
    },
    meta: { showsOwnErrors: true },
  });
}

/** Polls a running import every half second; a finished import refreshes the registry lists once. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['registry-import-job', id],
    queryFn: async ({ signal }) => {
      const job = await api.get<ImportJob>(
        `/api/registry/import/jobs/${encodeURIComponent(id ?? '')}`,
        {},
        signal,
      );
      if (job.status === 'done' && job.report?.accepted && !job.report.dryRun)
        await queryClient.invalidateQueries({ queryKey: registryKey });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
    staleTime: Number.POSITIVE_INFINITY,
    meta: { showsOwnErrors: true },
  });
}
