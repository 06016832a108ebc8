import type { CapitalStats, InvestmentStats, InvestmentType, StatsGroupBy } from '@heza/shared/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { registryKey } from './registry-query';

export interface StatsFilters {
  groupBy: StatsGroupBy;
  zoneId: string;
  investmentType: InvestmentType | '';
}

export function useInvestmentStats(period: string, filters: StatsFilters) {
  return useQuery({
    queryKey: [...registryKey, 'stats', 'investment', period, filters],
    queryFn: ({ signal }) =>
      api.get<InvestmentStats>('/api/registry/stats/investment', { period, ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: period !== '',
  });
}

export function useCapitalStats(asOf: string, filters: StatsFilters) {
  return useQuery({
    queryKey: [...registryKey, 'stats', 'capital', asOf, filters],
    queryFn: ({ signal }) =>
      api.get<CapitalStats>('/api/registry/stats/capital', { asOf, ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: asOf !== '',
  });
}
