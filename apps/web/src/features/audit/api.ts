import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Page } from '../../lib/api-types';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  /** Who acted when there is no user (failed sign-in: the e-mail typed; jobs: the job name). */
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilters {
  entityType: string;
  entityId: string;
  actorId: string;
  action: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  page: number;
  pageSize: number;
}

export function useAuditEntries(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
