import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface Health {
  status: 'ok' | 'degraded';
  database: Record<string, unknown>;
}

export function useHealth(enabled: boolean) {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<Health>('/api/health', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}
