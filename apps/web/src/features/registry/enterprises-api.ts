import type {
  EnterpriseInput,
  EnterpriseStatus,
  EnterpriseUpdateInput,
  EnterpriseView,
  Ownership,
} from '@heza/shared/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';
import { registryKey, useRegistryWrite } from './registry-query';

export const ENTERPRISE_SORTS = ['name', 'taxCode', 'createdAt'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

export interface EnterpriseListParams {
  q: string;
  ownership: Ownership | '';
  zoneId: string;
  status: EnterpriseStatus | '';
  sort: EnterpriseSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useEnterprises(params: EnterpriseListParams) {
  return useQuery({
    queryKey: [...registryKey, 'enterprises', 'list', params],
    queryFn: ({ signal }) => api.get<Page<EnterpriseView>>('/api/enterprises', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: [...registryKey, 'enterprises', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<EnterpriseView>(`/api/enterprises/${encodeURIComponent(id)}`, {}, signal),
  });
}

export function useCreateEnterprise() {
  return useRegistryWrite((input: EnterpriseInput) => api.post<EnterpriseView>('/api/enterprises', input));
}

export function useUpdateEnterprise(id: string) {
  return useRegistryWrite((input: EnterpriseUpdateInput) =>
    api.patch<EnterpriseView>(`/api/enterprises/${encodeURIComponent(id)}`, input),
  );
}
