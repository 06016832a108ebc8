import { createDb } from '../../apps/server/src/db/client.ts';
import { benchOfficialReports } from '../../apps/server/src/modules/official-reports/official-reports.bench.ts';
import { defineSuite } from '../lib/types.ts';

/**
 * Issue 5 at the scale: ≈ 10 M values (10 400 enterprises × 48 months). Generating it takes minutes,
 * beyond the default run's budget: it runs when named (`npm run bench -- official-reports-10m`).
 */
export default defineSuite({
  name: 'official-reports-10m',
  scale:
    '10 400 enterprises × 48 months × 20 values ≈ 10 M values + 5 000 projects / 20 000 ledger entries; integration 2025S1 → DOCX',
  async run(ctx) {
    if (!process.argv.slice(2).some((a) => 'official-reports-10m'.includes(a) && a.includes('10m'))) {
      ctx.log(
        'skipped in the default run (minutes of data generation): npm run bench -- official-reports-10m',
      );
      return [];
    }
    const { db } = createDb(ctx.databaseUrl, { max: 10 });
    try {
      return await benchOfficialReports({ db, enterprises: 10_400, seconds: ctx.seconds, log: ctx.log });
    } finally {
      await db.destroy();
    }
  },
});
