import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: z.object({
    status: z.enum(['up', 'down']),
    latencyMs: z.number().optional(),
    serverVersion: z.string().optional(),
    migrations: z.number().optional(),
  }),
});

/** GET /api/health: liveness and the database's state. */
export async function healthRoutes(app: App) {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Tình trạng hệ thống và cơ sở dữ liệu',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const started = performance.now();
      try {
        const row = await sql<{ v: string; m: number }>`select current_setting('server_version') as v,
          (select count(*)::int from schema_migrations) as m`.execute(app.deps.db);
        const r = row.rows[0]!;
        return {
          status: 'ok' as const,
          version: '0.1.0',
          uptimeSeconds: Math.round(process.uptime()),
          database: {
            status: 'up' as const,
            latencyMs: Math.round((performance.now() - started) * 100) / 100,
            serverVersion: r.v,
            migrations: r.m,
          },
        };
      } catch {
        return reply.status(503).send({
          status: 'degraded' as const,
          version: '0.1.0',
          uptimeSeconds: Math.round(process.uptime()),
          database: { status: 'down' as const },
        });
      }
    },
  );
}
