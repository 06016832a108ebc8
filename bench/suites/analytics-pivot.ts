import { performance } from 'node:perf_hooks';
import { createDb } from '../../apps/server/src/db/client.ts';
import { ensureDatabase } from '../../apps/server/src/db/embedded.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { seedDemo } from '../../apps/server/src/db/seed/demo.ts';
import { benchAnalytics } from '../../apps/server/src/modules/analytics/analytics.bench.ts';
import { seedReportingDemo } from '../../apps/server/src/modules/reporting/seed.ts';
import { type BenchRow, defineSuite } from '../lib/types.ts';

/**
 * Issue 4: the analytics pivot and the half-year headline on ≈ 2 M reported values (2 000 enterprises × 48
 * months), and the time the reporting demo data adds to a first start (in a database of its own).
 */
export default defineSuite({
  name: 'analytics-2m',
  scale:
    '2 000 enterprises × 48 months × 20 values ≈ 1.9 M values; pivot and half-year headline through the API; reporting demo seed',
  async run(ctx) {
    const { db } = createDb(ctx.databaseUrl, { max: 10 });
    const rows: BenchRow[] = [];
    try {
      rows.push(
        ...(await benchAnalytics({
          db,
          enterprises: 2000,
          seconds: ctx.seconds,
          pivotTargetMs: 100,
          log: ctx.log,
        })),
      );
    } finally {
      await db.destroy();
    }
    // The demo seed on the registry demo data, as on a first start.
    const demoUrl = await ensureDatabase(ctx.serverUrl, 'bench_reporting_demo');
    await migrate(demoUrl);
    const demo = createDb(demoUrl, { max: 4 });
    try {
      const t0 = performance.now();
      await seedDemo(demo.db);
      const registrySeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const seeded = await seedReportingDemo(demo.db);
      const seconds = (performance.now() - t1) / 1000;
      ctx.log(
        `reporting demo: ${seeded?.reports} reports, ${seeded?.values} values, ${seeded?.history} history rows`,
      );
      rows.push({
        name: `reporting demo seed (${seeded?.values.toLocaleString('en')} values, history, rollups) — s`,
        value: Math.round(seconds * 10) / 10,
        unit: 's',
        baseline: Math.round(registrySeconds * 10) / 10,
        baselineName: 'the platform and registry demo seed before it',
        target: '≤ 15 s',
        ok: seconds <= 15,
      });
    } finally {
      await demo.db.destroy();
    }
    return rows;
  },
});
