import { Writable } from 'node:stream';
import { createCalendar, OFFICIAL_TABLE_2024_2026, type WorkingDayCalendar } from '@heza/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { compareHttp } from '../../../../../bench/lib/http-load.ts';
import { type BenchRow, defineSuite } from '../../../../../bench/lib/types.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDb } from '../../db/client.ts';
import { createDbNotifications } from '../../db/notifications.ts';
import { getCalendar } from '../calendar/service.ts';
import { trackingRateLimit } from './public/limits.ts';
import { proceduresPublicPages } from './public/routes.ts';

/** Scale of the generated data. */
const DOSSIERS = 20_000;
const COMPUTATIONS = 1_000_000;
const CONNECTIONS = 10;
const ROUNDS = 5;
/** Targets of issue 7. */
const MAX_MS_PER_MILLION = 1000;
const MIN_RATIO_VS_BARE = 0.25;

/** Deterministic 32-bit PRNG (mulberry32), so every run computes the same deadlines. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Milliseconds for `count` addWorkingDays(random 2024–2026 date, 1..30) on a warmed calendar. */
function timeAddWorkingDays(calendar: WorkingDayCalendar, count: number): number {
  const dates: string[] = [];
  for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() < 2027; d.setUTCDate(d.getUTCDate() + 1)) {
    dates.push(d.toISOString().slice(0, 10));
  }
  const rand = mulberry32(0x4e5a2026);
  const idx = new Uint16Array(count);
  const ns = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    idx[i] = Math.floor(rand() * dates.length);
    ns[i] = 1 + Math.floor(rand() * 30);
  }
  for (const d of ['2024-01-01', '2025-06-01', '2026-12-31']) calendar.addWorkingDays(d, 30);
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) sink += calendar.addWorkingDays(dates[idx[i]!]!, ns[i]!).charCodeAt(9);
  const ms = performance.now() - t0;
  if (sink === 0) throw new Error('no results');
  return ms;
}

/** Listens on an ephemeral loopback port and returns the URL of `path` there. */
async function serve(app: FastifyInstance, path: string): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}${path}`;
}

/** Generates received dossiers with steps (codes <office>-YYMMDD-XXXX over 2026, 500 a day). */
async function generateDossiers(db: ReturnType<typeof createDb>['db'], n: number) {
  await sql`
    insert into dossiers (code, procedure_id, office_code, status, channel, applicant_kind, applicant_name,
      applicant_email, applicant_phone, subject, tracking_secret, submitted_at, received_at, counting_from, due_at, legal_due_date, current_step, is_demo)
    select '000.00.00.Z99-' || to_char(date '2026-01-01' + (i / 500), 'YYMMDD') || '-' || lpad(((i % 500) + 1)::text, 4, '0'),
      p.id, p.office_code, 'processing', case when i % 3 = 0 then 'online' else 'counter' end, 'organisation',
      'Doanh nghiệp ' || i, 'dn' || i || '@example.vn', '0900' || lpad(i::text, 6, '0'), 'Hồ sơ thử tải ' || i,
      translate(upper(substr(md5(i::text), 1, 4)), '01', 'XY'),
      timestamptz '2026-01-01 09:00+07' + (i / 500) * interval '1 day',
      timestamptz '2026-01-01 09:00+07' + (i / 500) * interval '1 day',
      date '2026-01-01' + (i / 500), timestamptz '2026-01-08 09:00+07' + (i / 500) * interval '1 day',
      date '2026-01-08' + (i / 500), 1, true
    from generate_series(0, ${n - 1}) as i, procedures p where p.code = 'BQL-LD-01'`.execute(db);
  await sql`
    insert into dossier_steps (dossier_id, position, key, name_vi, name_en, unit, role, days, due_date, started_at, completed_at)
    select d.id, s.position, s.key, s.name_vi, s.name_en, s.unit, s.role, s.days, d.legal_due_date, d.received_at,
      case when s.position = 0 then d.received_at end
    from dossiers d join procedure_steps s on s.procedure_id = d.procedure_id`.execute(db);
  await sql`analyze dossiers`.execute(db);
  await sql`analyze dossier_steps`.execute(db);
}

/**
 * Issue 7's numbers: one million add-working-days on the calendar built from the database (beside the same
 * computation on the library's shipped table), and the public tracking page of the real app under load
 * beside a bare Fastify route answering the same HTML (and, for information, a bare route running the same
 * lookup query). The tracking rate limit is raised for the run; the limiter itself still runs.
 */
export const proceduresSuite = defineSuite({
  name: 'procedures-tracking',
  scale: `${DOSSIERS.toLocaleString('en')} received dossiers with 3 steps each; ${COMPUTATIONS.toLocaleString('en')} deadline computations; autocannon, ${CONNECTIONS} connections on 127.0.0.1, ${ROUNDS} interleaved rounds (median)`,
  async run(ctx) {
    const { db, pool } = createDb(ctx.databaseUrl, { max: 20 });
    const { db: bareDb } = createDb(ctx.databaseUrl, { max: 20 });
    const rows: BenchRow[] = [];
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const config = loadConfig({ LOG_LEVEL: 'info' }, { demo: false, host: '127.0.0.1', port: 0 });
    const app = await buildApp({
      config,
      db,
      logger: { level: 'info', stream: sink },
      notifications: createDbNotifications(pool),
    });
    const bare = Fastify({ logger: false });
    const bareSql = Fastify({ logger: false });
    const savedLimit = trackingRateLimit.max;
    try {
      // 1. Deadline arithmetic.
      const fromDb = await getCalendar(db);
      const shipped = createCalendar(OFFICIAL_TABLE_2024_2026);
      const msDb = timeAddWorkingDays(fromDb, COMPUTATIONS);
      const msLib = timeAddWorkingDays(shipped, COMPUTATIONS);
      ctx.log(
        `add-working-days: ${msDb.toFixed(0)} ms (database table), ${msLib.toFixed(0)} ms (shipped constant)`,
      );
      rows.push({
        name: `${COMPUTATIONS.toLocaleString('en')} add-working-days — ms`,
        value: msDb,
        unit: 'ms',
        baseline: msLib,
        baselineName: 'same on the shipped table (no database)',
        target: `≤ ${MAX_MS_PER_MILLION} ms`,
        ok: msDb <= MAX_MS_PER_MILLION,
      });

      // 2. The tracking page.
      ctx.log(`generating ${DOSSIERS} dossiers…`);
      await generateDossiers(db, DOSSIERS);
      const probe = await db
        .selectFrom('dossiers')
        .select(['code', 'tracking_secret'])
        .orderBy('code')
        .offset(Math.floor(DOSSIERS / 2))
        .limit(1)
        .executeTakeFirstOrThrow();
      trackingRateLimit.max = 1_000_000_000;
      if (!app.hasRoute({ method: 'GET', url: '/:lang/dossiers/track' }))
        await app.register(proceduresPublicPages);
      const path = `/vi/dossiers/track?code=${encodeURIComponent(probe.code!)}&secret=${probe.tracking_secret}`;
      const appUrl = await serve(app as unknown as FastifyInstance, path);
      const first = await fetch(appUrl);
      const html = await first.text();
      if (first.status !== 200 || !html.includes(probe.code!))
        throw new Error(`tracking page answered ${first.status}`);
      bare.get('/vi/dossiers/track', async (_req, reply) =>
        reply.type('text/html; charset=utf-8').send(html),
      );
      bareSql.get('/vi/dossiers/track', async (_req, reply) => {
        const r = await sql`select d.id, d.code, d.tracking_secret, d.status, p.name_vi,
            (select json_agg(s.name_vi order by s.position) from dossier_steps s where s.dossier_id = d.id) as steps
          from dossiers d join procedures p on p.id = d.procedure_id where d.code = ${probe.code}`.execute(
          bareDb,
        );
        if (!r.rows.length) throw new Error('missing');
        return reply.type('text/html; charset=utf-8').send(html);
      });
      const bareUrl = await serve(bare, path);
      const bareSqlUrl = await serve(bareSql, path);
      ctx.log(`page ${html.length} bytes; measuring…`);
      const m = await compareHttp(
        { bare: bareUrl, bareSql: bareSqlUrl, page: appUrl },
        { seconds: ctx.seconds, rounds: ROUNDS, connections: CONNECTIONS },
      );
      for (const [label, r] of Object.entries(m)) {
        ctx.log(
          `${label}: median ${Math.round(r.rps)} req/s (rounds: ${r.roundsRps.map(Math.round).join(', ')}), p99 ${r.p99Ms} ms`,
        );
      }
      rows.push(
        {
          name: 'GET /vi/dossiers/track — requests/s',
          value: m.page.rps,
          unit: 'req/s',
          baseline: m.bare.rps,
          baselineName: 'bare Fastify route, same HTML',
          target: `≥ ${MIN_RATIO_VS_BARE}× baseline`,
          ok: m.page.rps >= MIN_RATIO_VS_BARE * m.bare.rps,
        },
        {
          name: 'GET /vi/dossiers/track — requests/s',
          value: m.page.rps,
          unit: 'req/s',
          baseline: m.bareSql.rps,
          baselineName: 'bare route + same lookup SQL',
        },
        {
          name: 'GET /vi/dossiers/track — p99 latency',
          value: m.page.p99Ms,
          unit: 'ms',
          baseline: m.bare.p99Ms,
          baselineName: 'bare Fastify route, same HTML',
        },
      );
      return rows;
    } finally {
      trackingRateLimit.max = savedLimit;
      await app.close();
      await bare.close();
      await bareSql.close();
      await db.destroy();
      await bareDb.destroy();
    }
  },
});

/** The rows of the suite on a database URL of one's own (for callers outside bench/run.ts). */
export async function benchProcedures(databaseUrl: string, seconds = 6): Promise<BenchRow[]> {
  return proceduresSuite.run({ databaseUrl, serverUrl: databaseUrl, seconds, log: (m) => console.log(m) });
}
