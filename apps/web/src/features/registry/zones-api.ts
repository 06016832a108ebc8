import type {
  Geometry,
  VoidInput,
  ZoneAreaInput,
  ZoneAreaView,
  ZoneDetail,
  ZoneEventInput,
  ZoneEventView,
  ZoneInput,
  ZoneKind,
  ZoneStatus,
  ZonesSummary,
  ZoneUpdateInput,
  ZoneView,
} from '@heza/shared/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';
import { registryKey, useRegistryWrite } from './registry-query';

export const ZONE_SORTS = ['name', 'code', 'kind', 'status', 'totalArea', 'occupancy'] as const;
export type ZoneSort = (typeof ZONE_SORTS)[number];

export interface ZoneListParams {
  q: string;
  kind: ZoneKind | '';
  status: ZoneStatus | '';
  parentId: string;
  asOf: string;
  sort: ZoneSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useZones(params: ZoneListParams, enabled = true) {
  return useQuery({
    queryKey: [...registryKey, 'zones', 'list', params],
    queryFn: ({ signal }) => api.get<Page<ZoneView>>('/api/zones', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Economic zones, for the "inside" filter and the parent picker. */
export function useEconomicZones() {
  return useZones({
    q: '',
    kind: 'economic_zone',
    status: '',
    parentId: '',
    asOf: '',
    sort: 'name',
    dir: 'asc',
    page: 1,
    pageSize: 100,
  });
}

export function useZone(id: string, asOf = '') {
  return useQuery({
    queryKey: [...registryKey, 'zones', 'detail', id, asOf],
    queryFn: ({ signal }) => api.get<ZoneDetail>(`/api/zones/${encodeURIComponent(id)}`, { asOf }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The parks inside a zone, with their status and areas. */
export function useChildZones(parentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...registryKey, 'zones', 'children', parentId],
    queryFn: ({ signal }) =>
      api.get<Page<ZoneView>>('/api/zones', { parentId, pageSize: 200, sort: 'name' }, signal),
    enabled,
  });
}

export function useZonesSummary(asOf: string, kind: ZoneKind) {
  return useQuery({
    queryKey: [...registryKey, 'zones', 'summary', asOf, kind],
    queryFn: ({ signal }) => api.get<ZonesSummary>('/api/zones/summary', { asOf, kind }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface ZoneFeatureProperties {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: ZoneKind;
  status: ZoneStatus | null;
  totalAreaHa: string | null;
  occupancyPct: number | null;
  isDemo: boolean;
}

export interface ZoneFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: ZoneFeatureProperties;
}

export interface ZoneFeatureCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

export function useZoneMap(asOf: string, kind: ZoneKind | '') {
  return useQuery({
    queryKey: [...registryKey, 'zones', 'map', asOf, kind],
    queryFn: ({ signal }) => api.get<ZoneFeatureCollection>('/api/zones/map', { asOf, kind }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateZone() {
  return useRegistryWrite((input: ZoneInput) => api.post<ZoneDetail>('/api/zones', input));
}

export function useUpdateZone(id: string) {
  return useRegistryWrite((input: ZoneUpdateInput) =>
    api.patch<ZoneDetail>(`/api/zones/${encodeURIComponent(id)}`, input),
  );
}

export function useRecordZoneEvent(zoneId: string) {
  return useRegistryWrite((input: ZoneEventInput) =>
    api.post<ZoneEventView>(`/api/zones/${encodeURIComponent(zoneId)}/events`, input),
  );
}

export function useVoidZoneEvent(zoneId: string) {
  return useRegistryWrite(({ eventId, input }: { eventId: string; input: VoidInput }) =>
    api.post<ZoneEventView>(
      `/api/zones/${encodeURIComponent(zoneId)}/events/${encodeURIComponent(eventId)}/void`,
      input,
    ),
  );
}

export function useRecordZoneArea(zoneId: string) {
  return useRegistryWrite((input: ZoneAreaInput) =>
    api.post<ZoneAreaView>(`/api/zones/${encodeURIComponent(zoneId)}/areas`, input),
  );
}
