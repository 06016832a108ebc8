import { createDb } from '../../apps/server/src/db/client.ts';
import { benchOfficialReports } from '../../apps/server/src/modules/official-reports/official-reports.bench.ts';
import { defineSuite } from '../lib/types.ts';

/**
 * Issue 5: the half-year `integration` report rendered to DOCX beside its figure queries alone, on ≈ 1.9 M
 * reported values (2 000 enterprises × 48 months, the analytics-2m dataset) and 20 000 ledger entries — the
 * largest data whose generation fits the default run's budget (≈ 25 s of the suite's ≈ 40 s). `npm run bench -- official-reports-10m` runs the
 * same on ≈ 10 M values.
 */
export default defineSuite({
  name: 'official-reports',
  scale:
    '2 000 enterprises × 48 months × 20 values ≈ 1.9 M values + 5 000 projects / 20 000 ledger entries; integration 2025S1 → DOCX',
  async run(ctx) {
    const { db } = createDb(ctx.databaseUrl, { max: 10 });
    try {
      return await benchOfficialReports({ db, enterprises: 2000, seconds: ctx.seconds, log: ctx.log });
    } finally {
      await db.destroy();
    }
  },
});
