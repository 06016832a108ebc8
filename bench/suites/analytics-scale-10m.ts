import { createDb } from '../../apps/server/src/db/client.ts';
import { benchAnalytics } from '../../apps/server/src/modules/analytics/analytics.bench.ts';
import { defineSuite } from '../lib/types.ts';

/**
 * Issue 4: the same on ≈ 10 M values (10 400 enterprises × 48 months). Generating it takes minutes, beyond the
 * default run's budget: it runs when named (`npm run bench -- analytics-10m`).
 */
export default defineSuite({
  name: 'analytics-10m',
  scale:
    '10 400 enterprises × 48 months × 20 values ≈ 10 M values; pivot and half-year headline through the API',
  async run(ctx) {
    if (
      !process.argv.slice(2).some((a) => 'analytics-10m'.includes(a) && a.length > 3 && !a.startsWith('-'))
    ) {
      ctx.log('skipped in the default run (minutes of data generation): npm run bench -- analytics-10m');
      return [];
    }
    const { db } = createDb(ctx.databaseUrl, { max: 10 });
    try {
      return await benchAnalytics({
        db,
        enterprises: 10_400,
        seconds: ctx.seconds,
        pivotTargetMs: 300,
        headlineTargetMs: 500,
        log: ctx.log,
      });
    } finally {
      await db.destroy();
    }
  },
});
