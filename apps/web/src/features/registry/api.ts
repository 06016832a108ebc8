import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Option } from '../../lib/api-types';

export interface EnterpriseOption extends Option {
  taxCode: string;
}

/** All zones, for pickers (zone scope of staff accounts…). */
export function useZoneOptions(enabled = true) {
  return useQuery({
    queryKey: ['registry', 'zones', 'options'],
    queryFn: ({ signal }) => api.get<{ items: Option[] }>('/api/zones/options', undefined, signal),
    select: (data) => data.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Enterprises matching a name or tax-code search, for pickers. */
export function useEnterpriseOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'enterprises', 'options', q],
    queryFn: ({ signal }) =>
      api.get<{ items: EnterpriseOption[] }>('/api/enterprises/options', { q }, signal),
    select: (data) => data.items,
    enabled,
    placeholderData: keepPreviousData,
  });
}
