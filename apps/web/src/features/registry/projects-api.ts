import type {
  InvestmentType,
  LedgerEntryInput,
  LedgerEntryView,
  ProjectDetail,
  ProjectInput,
  ProjectUpdateInput,
  ProjectView,
} from '@heza/shared/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';
import { registryKey, useRegistryWrite } from './registry-query';

export const PROJECT_SORTS = ['name', 'code', 'capital', 'firstCertificateDate'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const PROJECT_STATUSES = ['draft', 'active', 'terminated', 'transferred_out'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectListParams {
  q: string;
  zoneId: string;
  enterpriseId: string;
  investmentType: InvestmentType | '';
  country: string;
  vsic: string;
  status: ProjectStatus | '';
  sort: ProjectSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useProjects(params: ProjectListParams, enabled = true) {
  return useQuery({
    queryKey: [...registryKey, 'projects', 'list', params],
    queryFn: ({ signal }) => api.get<Page<ProjectView>>('/api/projects', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...registryKey, 'projects', 'detail', id],
    queryFn: ({ signal }) => api.get<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`, {}, signal),
  });
}

export function useCreateProject() {
  return useRegistryWrite((input: ProjectInput) => api.post<ProjectDetail>('/api/projects', input));
}

export function useUpdateProject(id: string) {
  return useRegistryWrite((input: ProjectUpdateInput) =>
    api.patch<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`, input),
  );
}

export function useAppendLedgerEntry(projectId: string) {
  return useRegistryWrite((input: LedgerEntryInput) =>
    api.post<LedgerEntryView>(`/api/projects/${encodeURIComponent(projectId)}/ledger`, input),
  );
}

export interface VsicItem {
  code: string;
  level: number;
  parent: string | null;
  vi: string;
  en: string;
}

/** VSIC 2018 codes (levels 1, 2 complete; level 4 partly), for sector pickers. */
export function useVsic(enabled = true) {
  return useQuery({
    queryKey: [...registryKey, 'vsic'],
    queryFn: ({ signal }) =>
      api.get<{ about: string; items: VsicItem[] }>('/api/vsic', {}, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}
