import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createDb, type Db } from '../../apps/server/src/db/client.ts';
import { clearPortalCaches } from '../../apps/server/src/modules/portal/cache.ts';
import { PORTAL_LANGS } from '../../apps/server/src/modules/portal/langs.ts';
import { allZones } from '../../apps/server/src/modules/registry/queries.ts';
import { compareHttp } from '../lib/http-load.ts';
import { type BenchRow, defineSuite } from '../lib/types.ts';

const CONNECTIONS = 50;
const ROUNDS = 3;
const ECONOMIC_ZONES = 4;
const PARKS = 56;
const ENTERPRISES = 3000;
const PROJECTS = 6000;
/** Targets of issue 6: ≥ 25 % of a bare route's requests/s, p99 ≤ 50 ms, a zone page ≤ 60 KB of HTML. */
const MIN_RATIO = 0.25;
const MAX_P99_MS = 50;
const MAX_ZONE_PAGE_BYTES = 60 * 1024;
/** The platform's own pool size (startPlatform). */
const POOL = 20;

/**
 * Generates the portal's dataset with set-based SQL: zones with lifecycle events, areas, locations,
 * infrastructure and a profile with descriptions in five languages and photo records; enterprises linked to
 * the parks with active FDI/DDI projects in ten sectors and seven countries.
 */
async function generate(db: Db) {
  await sql`insert into users (email, full_name, password_hash, role) values ('bench@heza.local', 'Bench', 'x', 'admin')`.execute(
    db,
  );
  await sql`insert into zones (code, name_vi, name_en, kind)
    select 'bench-ez-' || g, 'Khu kinh tế bench ' || g, 'Bench economic zone ' || g, 'economic_zone' from generate_series(1, ${ECONOMIC_ZONES}) g`.execute(
    db,
  );
  await sql`insert into zones (code, name_vi, name_en, kind, parent_id, model_type)
    select 'bench-park-' || g, 'KCN bench ' || g, 'Bench industrial park ' || g, 'industrial_park',
      case when g % 3 = 0 then null else (select id from zones where code = 'bench-ez-' || (1 + g % ${ECONOMIC_ZONES})) end,
      (array['general','eco','high_tech','supporting_industry','specialised'])[1 + g % 5]
    from generate_series(1, ${PARKS}) g`.execute(db);
  await sql`update zones set
      location = jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(106.4 + (hashtext(code) & 255) / 400.0, 20.6 + (hashtext(code || 'y') & 255) / 600.0)),
      address = 'Địa chỉ bench, Hải Phòng',
      infrastructure = '[{"kind":"port","name":"Cảng bench","distanceKm":12.5},{"kind":"airport","name":"Sân bay bench","distanceKm":25},{"kind":"highway","name":"Cao tốc bench","distanceKm":3.2}]',
      contacts = '[{"name":"Nguyễn Văn Bench","role":"Giám đốc kinh doanh","phone":"+84 225 000 0000","email":"sales@bench.vn"}]',
      description_vi = repeat('Mô tả khu công nghiệp bench. ', 20), description_en = repeat('Bench industrial park description. ', 20)
    where code like 'bench-%'`.execute(db);
  await sql`insert into zone_events (zone_id, status, event_date, decision_no)
    select id, 'established', date '2010-01-01' + (hashtext(code) & 2047), '100/QĐ-TTg' from zones where code like 'bench-%'`.execute(
    db,
  );
  await sql`insert into zone_events (zone_id, status, event_date)
    select id, 'operating', date '2016-01-01' + (hashtext(code) & 1023) from zones where code like 'bench-%' and hashtext(code) % 4 <> 0`.execute(
    db,
  );
  await sql`insert into zone_area_records (zone_id, as_of, total_area_ha, industrial_land_ha, leasable_ha, leased_ha)
    select id, '2024-06-30', t, t * 0.8, t * 0.7, t * 0.7 * ((hashtext(code) & 99) / 100.0)
    from (select id, code, 150 + (hashtext(code) & 511) as t from zones where code like 'bench-park-%') z`.execute(
    db,
  );
  await sql`insert into portal_zone_profiles (zone_id, target_sectors, descriptions, names)
    select id, array['26','27','52'], jsonb_build_object(
      'vi', repeat('<p>Giới thiệu khu bench, hạ tầng đồng bộ, gần cảng.</p>', 8),
      'en', repeat('<p>Bench zone introduction: complete infrastructure near the port.</p>', 8),
      'zh', repeat('<p>园区基础设施完善，靠近港口。</p>', 8),
      'ko', repeat('<p>기반시설이 완비된 산업단지로 항만에 가깝습니다.</p>', 8),
      'ja', repeat('<p>インフラが整い港湾に近い工業団地です。</p>', 8)),
      jsonb_build_object('zh', 'Bench 园区', 'ko', 'Bench 단지', 'ja', 'Bench 団地')
    from zones where code like 'bench-%'`.execute(db);
  await sql`insert into stored_files (sha256, size_bytes, media_type, original_name, attached_to)
    select lpad(to_hex(g), 64, '0'), 100000, 'image/png', 'photo-' || g || '.png', 'portal.image' from generate_series(1, ${PARKS * 4}) g`.execute(
    db,
  );
  await sql`insert into portal_images (file_id, kind, width, height, zone_id, sort_order, alt)
    select f.id, case when f.n % 4 = 0 then 'panorama' else 'photo' end, case when f.n % 4 = 0 then 4096 else 1600 end,
      case when f.n % 4 = 0 then 2048 else 900 end, z.id, f.n % 4,
      jsonb_build_object('vi', 'Ảnh khu bench ' || f.n, 'en', 'Bench zone photo ' || f.n)
    from (select id, row_number() over (order by sha256) as n from stored_files) f
    join (select id, row_number() over (order by code) as n from zones where code like 'bench-park-%') z on z.n = 1 + (f.n - 1) / 4`.execute(
    db,
  );
  await sql`insert into exchange_rates (currency, kind, valid_from, valid_to, vnd_per_unit, source)
    values ('USD', 'yearly_average', '1990-01-01', '2100-12-31', 23400, 'bench') on conflict do nothing`.execute(
    db,
  );
  await sql`insert into enterprises (tax_code, name_vi, ownership, investor_countries)
    select lpad((6000000000 + g)::text, 10, '0'), 'Công ty bench ' || g,
      case when g % 4 = 0 then 'domestic' else 'fdi' end,
      case when g % 4 = 0 then '{}'::text[] else array[(array['KR','JP','CN','SG','TW','US','DE'])[1 + g % 7]] end
    from generate_series(1, ${ENTERPRISES}) g`.execute(db);
  await sql`
    with z as (select row_number() over (order by code) as n, id from zones where code like 'bench-park-%'),
         e as (select row_number() over (order by tax_code) as n, id, ownership, investor_countries from enterprises where tax_code like '6%')
    insert into investment_projects (project_code, name_vi, enterprise_id, zone_id, investment_type, country_code, vsic_code, currency)
    select 'PBENCH' || lpad(g::text, 6, '0'), 'Dự án bench ' || g, e.id, z.id,
      case when e.ownership = 'domestic' then 'ddi' else 'fdi' end,
      case when e.ownership = 'domestic' then 'VN' else e.investor_countries[1] end,
      (array['2610','2620','2640','2710','2930','2220','1410','5210','5229','6810'])[1 + g % 10],
      case when e.ownership = 'domestic' then 'VND' else 'USD' end
    from generate_series(1, ${PROJECTS}) g
    join e on e.n = 1 + g % ${ENTERPRISES}
    join z on z.n = 1 + g % ${PARKS}`.execute(db);
  await sql`insert into enterprise_zones (enterprise_id, zone_id) select distinct enterprise_id, zone_id from investment_projects where project_code like 'PBENCH%'`.execute(
    db,
  );
  await sql`
    insert into certificate_entries (project_id, seq, kind, certificate_no, amendment_no, certificate_date, effective_date,
      counts_as, currency, capital_before, capital_change, capital_after, change_usd, change_vnd, after_usd, after_vnd,
      fx_source, zone_id, investment_type, country_code, vsic_code)
    select p.id, 1, 'new', p.project_code, 0, d, d, 'new', p.currency, 0, c, c, c, c * 23400, c, c * 23400,
      'rate_table', p.zone_id, p.investment_type, p.country_code, p.vsic_code
    from (select *, ((hashtext(project_code) & 1023) + 10) * 100000.00 as c,
            date '2005-01-01' + (abs(hashtext(project_code)) % 6500) as d
          from investment_projects where project_code like 'PBENCH%') p`.execute(db);
  await sql`analyze`.execute(db);
}

async function serve(app: FastifyInstance, path: string): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}${path}`;
}

/**
 * The zones directory page of the real app (security headers, hooks, language routing, the page cache,
 * request logging) under 50 connections, beside a bare Fastify route sending the same HTML bytes — the
 * framework's ceiling for that response; the size of every zone page in every language; and, for
 * information, rendering the directory with cold caches beside the registry query it starts from.
 */
export default defineSuite({
  name: 'portal-directory',
  scale: `${ECONOMIC_ZONES + PARKS} zones with profiles in 5 languages and ${PARKS * 4} images, ${ENTERPRISES} enterprises, ${PROJECTS} projects; autocannon, ${CONNECTIONS} connections on 127.0.0.1, ${ROUNDS} interleaved rounds (median)`,
  async run(ctx) {
    const { db } = createDb(ctx.databaseUrl, { max: POOL });
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const config = loadConfig({ LOG_LEVEL: 'info' }, { demo: false, host: '127.0.0.1', port: 0 });
    const app = await buildApp({ config, db, logger: { level: 'info', stream: sink } });
    const bare = Fastify({ logger: false });
    try {
      const t0 = performance.now();
      await generate(db);
      ctx.log(`generated the dataset in ${Math.round(performance.now() - t0)} ms`);
      const appUrl = await serve(app as unknown as FastifyInstance, '/en/zones');
      const first = await fetch(appUrl);
      const page = await first.text();
      if (first.status !== 200) throw new Error(`/en/zones answered ${first.status}`);
      const zones = (page.match(/<li class="card">/g) ?? []).length;
      ctx.log(`directory: ${zones} zones, ${Buffer.byteLength(page)} bytes`);
      bare.get('/en/zones', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
      const bareUrl = await serve(bare, '/en/zones');

      // Cold render (caches dropped) beside the registry query alone.
      const cold: number[] = [];
      const query: number[] = [];
      for (let i = 0; i < 5; i++) {
        clearPortalCaches(db);
        let t = performance.now();
        await (await fetch(appUrl)).text();
        cold.push(performance.now() - t);
        t = performance.now();
        await allZones(db, { kind: 'all' });
        query.push(performance.now() - t);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

      // The largest zone page in any language (the richest zone: most enterprises, images, text).
      const codes = (
        await db.selectFrom('zones').select('code').where('code', 'like', 'bench-%').execute()
      ).map((z) => z.code);
      let largest = { bytes: 0, url: '' };
      const origin = appUrl.replace('/en/zones', '');
      for (const lang of PORTAL_LANGS) {
        for (const code of codes) {
          const res = await fetch(`${origin}/${lang}/zones/${code}`);
          const bytes = Buffer.byteLength(await res.text());
          if (res.status !== 200) throw new Error(`/${lang}/zones/${code} answered ${res.status}`);
          if (bytes > largest.bytes) largest = { bytes, url: `/${lang}/zones/${code}` };
        }
      }
      ctx.log(`largest zone page: ${largest.url}, ${largest.bytes} bytes`);

      const m = await compareHttp(
        { bare: bareUrl, portal: appUrl },
        { seconds: ctx.seconds, rounds: ROUNDS, connections: CONNECTIONS },
      );
      for (const [label, r] of Object.entries(m)) {
        ctx.log(
          `${label}: median ${Math.round(r.rps)} req/s (rounds ${r.roundsRps.map(Math.round).join(', ')}), p99 ${r.p99Ms} ms`,
        );
      }
      const bareName = 'bare Fastify route, same HTML';
      return [
        {
          name: 'GET /en/zones — requests/s',
          value: m.portal.rps,
          unit: 'req/s',
          baseline: m.bare.rps,
          baselineName: bareName,
          target: `≥ ${MIN_RATIO}× baseline`,
          ok: m.portal.rps >= MIN_RATIO * m.bare.rps,
        },
        {
          name: 'GET /en/zones — p99 latency',
          value: m.portal.p99Ms,
          unit: 'ms',
          baseline: m.bare.p99Ms,
          baselineName: bareName,
          target: `≤ ${MAX_P99_MS} ms`,
          ok: m.portal.p99Ms <= MAX_P99_MS,
        },
        {
          name: 'largest zone page (5 languages) — HTML size',
          value: Math.round((largest.bytes / 1024) * 10) / 10,
          unit: 'KB',
          target: '≤ 60 KB',
          ok: largest.bytes <= MAX_ZONE_PAGE_BYTES,
        },
        {
          name: 'GET /en/zones, caches cold — ms',
          value: Math.round(median(cold) * 10) / 10,
          unit: 'ms',
          baseline: Math.round(median(query) * 10) / 10,
          baselineName: 'registry allZones query alone',
        },
      ] satisfies BenchRow[];
    } finally {
      await Promise.allSettled([app.close(), bare.close()]);
      app.deps.mailer.close();
      await db.destroy();
    }
  },
});
