import type { TrackView } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { DbNotifications } from '../../db/notifications.ts';
import { loadTrackingRecord, normaliseDossierCode, type TrackingRecord, trackingView } from './queries.ts';

/** The channel migration 0026 notifies with the ids of changed dossiers ('*' = many, forget all). */
export const DOSSIER_CHANGED_CHANNEL = 'heza_dossier_changed';

interface Entry {
  record: TrackingRecord;
  expires: number;
}

/**
 * The public tracking lookups' cache: dossier code → what the tracking page shows. The page is the most
 * visited public page of the one-stop counter (applicants reload it), and reading it costs a join of three
 * tables per visit. Entries are dropped the moment the database says the dossier changed (NOTIFY from
 * triggers, migration 0026: any writer, any process), so the page is never staler than the notification's
 * round trip; without a working LISTEN connection nothing is cached. Entries also expire after `ttlMs` (a safety
 * net, and procedure names, which have no trigger). Unknown codes are never cached, so guessing does not fill
 * memory; the secret is checked on every request (constant time), never cached as an answer.
 *
 * A cached code answers faster than an unknown one: that tells a guesser the code exists, which the sequential
 * codes tell anyway; the secret is what protects a dossier, and lookups stay rate-limited per address.
 */
export class TrackingCache {
  private readonly entries = new Map<string, Entry>();
  private readonly codesById = new Map<string, string>();
  /** Bumped by every invalidation: a load that overlapped one does not store what it read. */
  private generation = 0;
  private subscription: Promise<boolean> | undefined;

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly load: typeof loadTrackingRecord;

  constructor(
    private readonly notifications: DbNotifications | undefined,
    opts: { ttlMs?: number; maxEntries?: number; load?: typeof loadTrackingRecord } = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 5 * 60_000;
    this.maxEntries = opts.maxEntries ?? 20_000;
    this.load = opts.load ?? loadTrackingRecord;
  }

  /** The tracking view for a code and secret, or undefined (unknown code, wrong secret: same answer). */
  async track(db: DbOrTx, code: string, secret: string): Promise<(TrackView & { id: string }) | undefined> {
    const key = normaliseDossierCode(code);
    if (!(await this.ready())) return trackingView(await this.load(db, key), secret);
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return trackingView(hit.record, secret);
    const generation = this.generation;
    const record = await this.load(db, key);
    if (record && generation === this.generation && this.notifications?.connected) this.store(key, record);
    return trackingView(record, secret);
  }

  /** Forgets the entries of these dossier ids ('*' forgets everything). */
  invalidate(payload: string): void {
    this.generation++;
    if (payload === '*' || payload === '') {
      this.clear();
      return;
    }
    for (const id of payload.split(',')) {
      const code = this.codesById.get(id);
      if (code === undefined) continue;
      this.codesById.delete(id);
      this.entries.delete(code);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.codesById.clear();
  }

  /** Whether a code's record is held (tests, diagnostics). */
  has(code: string): boolean {
    return this.entries.has(normaliseDossierCode(code));
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, record: TrackingRecord) {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      // Oldest insertion first (a Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        const old = this.entries.get(oldest);
        this.entries.delete(oldest);
        if (old) this.codesById.delete(old.record.id);
      }
    }
    this.entries.set(key, { record, expires: Date.now() + this.ttlMs });
    this.codesById.set(record.id, key);
  }

  /** Subscribes once; true when notifications flow (else the caller reads the database directly). */
  private async ready(): Promise<boolean> {
    const n = this.notifications;
    if (!n) return false;
    this.subscription ??= n
      .subscribe(
        DOSSIER_CHANGED_CHANNEL,
        (payload) => this.invalidate(payload),
        () => this.clear(),
      )
      .then(
        () => true,
        () => {
          // Try again on a later request; meanwhile read the database.
          this.subscription = undefined;
          return false;
        },
      );
    return (await this.subscription) && n.connected;
  }
}

const caches = new WeakMap<object, TrackingCache>();

/** One cache per application (its dependencies object), so two apps in one process never share entries. */
export function trackingCacheFor(deps: { notifications?: DbNotifications | undefined }): TrackingCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new TrackingCache(deps.notifications);
    caches.set(deps, cache);
  }
  return cache;
}
