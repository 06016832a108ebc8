/**
 * Short-lived caches of what the public pages read (zones with their derived figures, live content, site
 * settings). The pages are the authority's shop window and take the most traffic; the figures behind them
 * change a few times a day. Entries live `ttlMs` (seconds, not minutes: registry changes show up quickly) and
 * every portal write clears them at once. One set of caches per database handle, so two apps in one process
 * (tests, benchmarks) never see each other's data.
 */
import type { DbOrTx } from '../../db/client.ts';

interface Entry<V> {
  value: Promise<V>;
  expires: number;
  /** A reload under way after expiry (the stale value is served meanwhile). */
  refreshing: boolean;
}

/**
 * A key → value cache with expiry, a size bound, and one load at a time per key. An expired entry is served
 * while one reload runs in the background (stale-while-revalidate), so no visitor waits for the periodic
 * refresh; `clear()` (a write) forgets entries, so the next visitor waits for fresh data.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** The cached value, or the loader's (concurrent callers share one load; a failed load is not kept). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (hit) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        load().then(
          (v) => {
            if (this.entries.get(key) === hit)
              this.entries.set(key, {
                value: Promise.resolve(v),
                expires: Date.now() + this.ttlMs,
                refreshing: false,
              });
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value;
    }
    if (this.entries.size >= this.maxEntries) {
      // Oldest insertion first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const value = load();
    const entry = { value, expires: now + this.ttlMs, refreshing: false };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}

/** The caches of one database. */
export interface PortalCaches {
  /**
   * When the next scheduled publication goes live (ms since epoch): every cache is dropped at that moment, so
   * a scheduled item appears on time rather than up to one TTL late.
   */
  nextChangeAt: number | null;
  /** Zones with status, areas, profiles and counts (directory, map, home, search). */
  zones: TtlCache<unknown>;
  /** One zone's page data (events, enterprises by country and sector, images). */
  zonePages: TtlCache<unknown>;
  /** Live content lists and items. */
  content: TtlCache<unknown>;
  /** Rendered pages that depend only on the cached data above (directory, home). */
  pages: TtlCache<string>;
  /** Site settings (name, contact, basemap). */
  settings: TtlCache<unknown>;
  /** Open statistics (computed figures of released periods). */
  statistics: TtlCache<unknown>;
}

const byDb = new WeakMap<object, PortalCaches>();

/** How long public data may be cached; a write through the portal clears it immediately. */
export const PORTAL_CACHE_TTL_MS = 30_000;

/** The portal caches of this database handle (transactions share their database's caches via `ctx.db`). */
export function portalCaches(db: DbOrTx): PortalCaches {
  let c = byDb.get(db);
  if (c?.nextChangeAt && Date.now() >= c.nextChangeAt) {
    clearPortalCaches(db);
  }
  if (!c) {
    c = {
      nextChangeAt: null,
      zones: new TtlCache(PORTAL_CACHE_TTL_MS, 50),
      zonePages: new TtlCache(PORTAL_CACHE_TTL_MS, 500),
      content: new TtlCache(PORTAL_CACHE_TTL_MS, 1000),
      pages: new TtlCache(PORTAL_CACHE_TTL_MS, 500),
      settings: new TtlCache(PORTAL_CACHE_TTL_MS, 10),
      statistics: new TtlCache(PORTAL_CACHE_TTL_MS, 100),
    };
    byDb.set(db, c);
  }
  return c;
}

/** Clears every portal cache of a database (after a portal write, or in tests after registry writes). */
export function clearPortalCaches(db: DbOrTx): void {
  const c = byDb.get(db);
  if (!c) return;
  c.nextChangeAt = null;
  for (const cache of Object.values(c)) if (cache instanceof TtlCache) cache.clear();
}

/** Notes that content scheduled for `at` must appear then (clears the caches at that moment). */
export function noteScheduledChange(db: DbOrTx, at: Date | null): void {
  if (!at) return;
  const c = portalCaches(db);
  const t = at.getTime();
  if (c.nextChangeAt === null || t < c.nextChangeAt) c.nextChangeAt = t;
}
