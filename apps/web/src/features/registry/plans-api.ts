import type { ExchangeRateInput, ExchangeRateView, PlanInput, PlanView } from '@heza/shared/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { registryKey, useRegistryWrite } from './registry-query';

export function usePlans(params: { year: string; indicator: string }) {
  return useQuery({
    queryKey: [...registryKey, 'plans', params],
    queryFn: ({ signal }) => api.get<{ items: PlanView[] }>('/api/plans', { ...params }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useCreatePlan() {
  return useRegistryWrite((input: PlanInput) => api.post<PlanView>('/api/plans', input));
}

export function useExchangeRates(currency: string) {
  return useQuery({
    queryKey: [...registryKey, 'exchange-rates', currency],
    queryFn: ({ signal }) =>
      api.get<{ items: ExchangeRateView[] }>('/api/exchange-rates', { currency }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useCreateExchangeRate() {
  return useRegistryWrite((input: ExchangeRateInput) =>
    api.post<ExchangeRateView>('/api/exchange-rates', input),
  );
}
