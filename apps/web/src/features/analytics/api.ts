import type { AnalyticsResult, HeadlineResult } from '@heza/shared/analytics';
import type { IndicatorView } from '@heza/shared/reporting';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client';

/** Analytics queries refresh with reporting writes too (they read the same values). */
export const analyticsKey = ['reporting', 'analytics'] as const;

/** The query-string parameters of /api/analytics/query and /api/analytics/export. */
export interface AnalyticsParams extends Record<string, QueryValue> {
  indicators: string;
  periods: string;
  dimensions?: string;
  measures?: string;
  zoneIds?: string;
  investmentType?: string;
  estimates?: 'none' | 'carry_forward';
  asOf?: string;
}

export function useAnalyticsIndicators() {
  return useQuery({
    queryKey: [...analyticsKey, 'indicators'],
    queryFn: ({ signal }) => api.get<{ items: IndicatorView[] }>('/api/analytics/indicators', {}, signal),
    staleTime: 60_000,
  });
}

export function useAnalytics(params: AnalyticsParams | null) {
  return useQuery({
    queryKey: [...analyticsKey, 'query', params],
    queryFn: ({ signal }) => api.get<AnalyticsResult>('/api/analytics/query', params ?? undefined, signal),
    enabled: params !== null && params.indicators !== '' && params.periods !== '',
    placeholderData: keepPreviousData,
  });
}

export function useHeadline(period: string, estimates: 'none' | 'carry_forward', asOf: string) {
  return useQuery({
    queryKey: [...analyticsKey, 'headline', period, estimates, asOf],
    queryFn: ({ signal }) =>
      api.get<HeadlineResult>(
        '/api/analytics/headline',
        { period, estimates, asOf: asOf || undefined },
        signal,
      ),
    enabled: period !== '',
    placeholderData: keepPreviousData,
  });
}

/** A zone feature of the indicator map. */
export interface IndicatorFeature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: {
    name: string;
    kind: string;
    value: string | null;
    displayValue: string | null;
    changePct: number | null;
  };
}

export function useIndicatorMap(indicator: string, period: string) {
  return useQuery({
    queryKey: [...analyticsKey, 'map', indicator, period],
    queryFn: ({ signal }) =>
      api.get<{ type: 'FeatureCollection'; features: IndicatorFeature[] }>(
        '/api/analytics/map',
        { indicator, period },
        signal,
      ),
    enabled: indicator !== '' && period !== '',
  });
}
