import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/harness.ts';
import { createDbNotifications } from '../../db/notifications.ts';
import { loadTrackingRecord, type TrackingRecord } from './queries.ts';
import { post, procedure, procedureTestAppWithPages, receiveAtCounter, staffOf } from './testing.ts';
import { TrackingCache, trackingCacheFor } from './tracking-cache.ts';

let t: Awaited<ReturnType<typeof procedureTestAppWithPages>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let addr = 0;
const client = () => `10.9.0.${++addr}`;

beforeAll(async () => {
  t = await procedureTestAppWithPages();
  office = await staffOf(t, 'office');
});
afterAll(() => t.close());

async function newDossier() {
  const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'));
  return { id: d.id, code: d.code!, secret: d.trackingSecret };
}

function track(code: string, secret: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/public/dossiers/track?code=${encodeURIComponent(code)}&secret=${secret}`,
    remoteAddress: client(),
  });
}

/** Polls until `check` holds (notifications arrive asynchronously, after the writer's commit). */
async function eventually(check: () => Promise<boolean>, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in time');
}

const cache = () => trackingCacheFor(t.app.deps);

/**
 * Looks the dossier up until its record is held. The notification of the dossier's own creation (its steps
 * were inserted) arrives after the commit and may drop the first entry; that is the cache being careful.
 */
async function cached(d: { code: string; secret: string }) {
  await eventually(async () => {
    await track(d.code, d.secret);
    return cache().has(d.code);
  });
}

describe('tracking cache', () => {
  it('should serve a looked-up dossier from memory and drop it when the dossier changes', async () => {
    const d = await newDossier();
    const first = await track(d.code, d.secret);
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe('received');
    await cached(d);
    // A change through the application: the trigger's notification drops the entry.
    await post(t, office.headers, `/api/procedures/dossiers/${d.id}/transfer`);
    await eventually(async () => (await track(d.code, d.secret)).json().status === 'processing');
  });

  it('should see a change written by another connection (another process, an SQL fix) without any call', async () => {
    const d = await newDossier();
    expect((await track(d.code, d.secret)).json().steps.every((s: { done: boolean }) => !s.done)).toBe(true);
    await cached(d);
    await sql`update dossier_steps set completed_at = now() where dossier_id = ${d.id}`.execute(t.db);
    await eventually(async () =>
      (await track(d.code, d.secret)).json().steps.every((s: { done: boolean }) => s.done),
    );
  });

  it('should answer a wrong secret for a cached dossier exactly like an unknown code', async () => {
    const d = await newDossier();
    await track(d.code, d.secret);
    const wrong = await track(d.code, d.secret === 'AAAA' ? 'BBBB' : 'AAAA');
    const unknown = await track(`${d.code.slice(0, -4)}9999`, d.secret);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().code).toBe(unknown.json().code);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('should stop caching while the notification connection is down, and start again when it is back', async () => {
    const d = await newDossier();
    await track(d.code, d.secret);
    await eventually(async () => cache().size > 0);
    // Kill the LISTEN connection from the server side, as a restart or network cut would.
    const killed = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n
        from pg_stat_activity
       where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`.execute(
      t.db,
    );
    expect(killed.rows[0]?.n).toBe(1);
    await eventually(async () => cache().size === 0);
    // It reconnects by itself; lookups are cached again afterwards.
    await eventually(async () => {
      await track(d.code, d.secret);
      return cache().size > 0;
    }, 8_000);
  });
});

describe('TrackingCache without notifications', () => {
  it('should read the database on every lookup and keep nothing', async () => {
    const d = await newDossier();
    const plain = new TrackingCache(undefined);
    expect((await plain.track(t.db, d.code, d.secret))?.code).toBe(d.code);
    expect(plain.size).toBe(0);
  });
});

describe('TrackingCache races and bounds', () => {
  async function withNotifications(body: (n: ReturnType<typeof createDbNotifications>) => Promise<void>) {
    const { db, pool, drop } = await createTestDb();
    const n = createDbNotifications(pool);
    try {
      await body(n);
    } finally {
      await n.close();
      await db.destroy();
      await drop();
    }
  }

  it('should not store what a load read when an invalidation arrived during that load', async () => {
    const d = await newDossier();
    const record = (await loadTrackingRecord(t.db, d.code)) as TrackingRecord;
    await withNotifications(async (n) => {
      let overtaken = true;
      const c: TrackingCache = new TrackingCache(n, {
        load: async () => {
          // The notification of a commit that happened while this read was under way.
          if (overtaken) c.invalidate(record.id);
          return record;
        },
      });
      expect((await c.track(t.db, d.code, d.secret))?.code).toBe(d.code);
      expect(c.size).toBe(0);
      overtaken = false;
      await c.track(t.db, d.code, d.secret);
      expect(c.size).toBe(1);
      c.invalidate(record.id);
      expect(c.size).toBe(0);
    });
  });

  it('should keep at most maxEntries dossiers, forgetting the oldest', async () => {
    const a = await newDossier();
    const b = await newDossier();
    const e = await newDossier();
    await withNotifications(async (n) => {
      const c = new TrackingCache(n, { maxEntries: 2 });
      for (const d of [a, b, e]) await c.track(t.db, d.code, d.secret);
      expect(c.size).toBe(2);
      let loads = 0;
      const counting = new TrackingCache(n, {
        maxEntries: 2,
        load: async (db, code) => {
          loads++;
          return loadTrackingRecord(db, code);
        },
      });
      for (const d of [a, b, e, e, b]) await counting.track(t.db, d.code, d.secret);
      // a, b, e loaded once each (a evicted by e), then e and b were hits.
      expect(loads).toBe(3);
    });
  });

  it('should not cache unknown codes, so guessing does not fill memory', async () => {
    await withNotifications(async (n) => {
      const c = new TrackingCache(n);
      for (let i = 1; i <= 20; i++)
        expect(await c.track(t.db, `000.00.00.Z99-260101-${String(i).padStart(4, '0')}`, 'AAAA')).toBe(
          undefined,
        );
      expect(c.size).toBe(0);
    });
  });
});
