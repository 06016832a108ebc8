import { createDb } from '../../apps/server/src/db/client.ts';
import { benchRegistry } from '../../apps/server/src/modules/registry/registry.bench.ts';
import { defineSuite } from '../lib/types.ts';

/** Parses the target text of a registry row ("≤ 50 ms", "≤ 30 s") and checks the value against it. */
function meets(target: string | undefined, value: number, unit: string): boolean | undefined {
  const m = target && /≤\s*([\d.]+)\s*(ms|s)\b/.exec(target);
  if (!m) return undefined;
  const limitMs = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  const valueMs = unit === 's' ? value * 1000 : value;
  return valueMs <= limitMs;
}

export default defineSuite({
  name: 'registry-derived',
  scale: '20 000 projects, 100 000 ledger entries, 60 zones; 50 000-row ledger import',
  async run(ctx) {
    const { db } = createDb(ctx.databaseUrl, { max: 4 });
    try {
      const rows = await benchRegistry({ db, log: (r) => ctx.log(`${r.name}: ${r.value} ${r.unit}`) });
      return rows.map((r) => ({ ...r, ok: meets(r.target, r.value, r.unit) }));
    } finally {
      await db.destroy();
    }
  },
});
