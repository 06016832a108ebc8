import type {
  ContentCreateInput,
  ContentDetail,
  ContentKind,
  ContentSummary,
  ContentUpdateInput,
  ImageUpdateInput,
  ImageView,
  PortalLang,
  PortalSettingsInput,
  StatisticsReleaseInput,
  StatisticsReleaseView,
  VersionInput,
  VersionStatus,
  VersionView,
  ZoneProfileInput,
  ZoneProfileView,
} from '@heza/shared/portal';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

/** Every portal query starts with this key: one invalidation after a write refreshes lists and details. */
export const portalKey = ['portal'] as const;

/** A portal write: the screen shows its own errors; on success every portal query is refreshed. */
function usePortalWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { showsOwnErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}

const put = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });

export interface ContentListParams {
  kind: ContentKind | '';
  status: VersionStatus | '';
  q: string;
  page: number;
  pageSize: number;
}

export function useContents(params: ContentListParams) {
  return useQuery({
    queryKey: [...portalKey, 'contents', params],
    queryFn: ({ signal }) => api.get<Page<ContentSummary>>('/api/portal/contents', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContent(id: string) {
  return useQuery({
    queryKey: [...portalKey, 'content', id],
    queryFn: ({ signal }) =>
      api.get<ContentDetail>(`/api/portal/contents/${encodeURIComponent(id)}`, {}, signal),
  });
}

/** What a save answers: the record and what sanitising removed from the HTML. */
export type Saved<T> = T & { removed: string[] };

export function useCreateContent() {
  return usePortalWrite((input: ContentCreateInput) =>
    api.post<Saved<ContentDetail>>('/api/portal/contents', input),
  );
}

export function useUpdateContent(id: string) {
  return usePortalWrite((input: ContentUpdateInput) =>
    api.patch<ContentDetail>(`/api/portal/contents/${encodeURIComponent(id)}`, input),
  );
}

export function useSaveVersion(id: string) {
  return usePortalWrite(({ lang, input }: { lang: PortalLang; input: VersionInput }) =>
    put<Saved<VersionView>>(`/api/portal/contents/${encodeURIComponent(id)}/versions/${lang}`, input),
  );
}

/** Workflow steps of a version: submit for review, publish (now or at a time), return with a note. */
export function useVersionStep() {
  return usePortalWrite(
    ({ id, step, body }: { id: string; step: 'submit' | 'publish' | 'return'; body?: unknown }) =>
      api.post<VersionView>(`/api/portal/versions/${encodeURIComponent(id)}/${step}`, body ?? {}),
  );
}

export function useWithdrawTranslation(id: string) {
  return usePortalWrite((lang: PortalLang) =>
    api.post<ContentDetail>(`/api/portal/contents/${encodeURIComponent(id)}/versions/${lang}/withdraw`),
  );
}

export function useSetArticles(id: string) {
  return usePortalWrite((articleIds: string[]) =>
    put<ContentDetail>(`/api/portal/contents/${encodeURIComponent(id)}/articles`, { articleIds }),
  );
}

export function useImages(zoneId = '') {
  return useQuery({
    queryKey: [...portalKey, 'images', zoneId],
    queryFn: ({ signal }) => api.get<{ items: ImageView[] }>('/api/portal/images', { zoneId }, signal),
  });
}

export function useUploadImage() {
  return usePortalWrite(
    ({ file, kind, zoneId, alt }: { file: File; kind: 'photo' | 'panorama'; zoneId: string; alt: string }) =>
      api.upload<ImageView>('/api/portal/images', file, { name: file.name, kind, zoneId, alt }),
  );
}

export function useUpdateImage() {
  return usePortalWrite(({ id, input }: { id: string; input: ImageUpdateInput }) =>
    api.patch<ImageView>(`/api/portal/images/${encodeURIComponent(id)}`, input),
  );
}

/** Uploads a publication's file (PDF, DOCX, XLSX). */
export function useUploadFile() {
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<{ id: string; name: string; mediaType: string; sizeBytes: number }>(
        '/api/portal/files',
        file,
        {
          name: file.name,
        },
      ),
    meta: { showsOwnErrors: true },
  });
}

export function useZoneProfiles() {
  return useQuery({
    queryKey: [...portalKey, 'zones'],
    queryFn: ({ signal }) => api.get<{ items: ZoneProfileView[] }>('/api/portal/zones', {}, signal),
  });
}

export function useSaveZoneProfile() {
  return usePortalWrite(({ zoneId, input }: { zoneId: string; input: ZoneProfileInput }) =>
    put<Saved<ZoneProfileView>>(`/api/portal/zones/${encodeURIComponent(zoneId)}`, input),
  );
}

export function useReleases() {
  return useQuery({
    queryKey: [...portalKey, 'releases'],
    queryFn: ({ signal }) =>
      api.get<{ items: StatisticsReleaseView[] }>('/api/portal/statistics/releases', {}, signal),
  });
}

export function useRelease() {
  return usePortalWrite((input: StatisticsReleaseInput) =>
    api.post<StatisticsReleaseView>('/api/portal/statistics/releases', input),
  );
}

export function useWithdrawRelease() {
  return usePortalWrite((id: string) =>
    api.post<StatisticsReleaseView>(`/api/portal/statistics/releases/${encodeURIComponent(id)}/withdraw`),
  );
}

/** The portal's settings as the API presents them. */
export interface PortalSettingsView {
  site: {
    name: Partial<Record<PortalLang, string>>;
    address: string | null;
    phone: string | null;
    email: string | null;
    demo: boolean;
  };
  basemap: { kind: 'none' | 'style' | 'raster'; url: string | null; attribution: string | null };
}

export function useSettings() {
  return useQuery({
    queryKey: [...portalKey, 'settings'],
    queryFn: ({ signal }) => api.get<PortalSettingsView>('/api/portal/settings', {}, signal),
  });
}

export function useSaveSettings() {
  return usePortalWrite((input: PortalSettingsInput) =>
    put<PortalSettingsView>('/api/portal/settings', input),
  );
}
