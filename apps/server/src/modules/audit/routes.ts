import { Page, Pagination } from '@heza/shared';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { listAudit } from './queries.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AuditQuery = Pagination.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

/** The administrators' audit viewer. */
export async function auditRoutes(app: App) {
  app.get(
    '/audit',
    {
      config: { access: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntryView) },
      },
    },
    async (req) => listAudit(req.ctx.db, req.query),
  );
}
