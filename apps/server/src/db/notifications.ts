import type pg from 'pg';

/**
 * PostgreSQL LISTEN/NOTIFY for in-process caches: one dedicated connection, taken from the pool on the first
 * subscription (apps that never subscribe hold none), shared by every channel. A cache must only trust its
 * entries while `connected` is true: a notification may have been missed while the connection was down, so
 * subscribers are told (`onReset`) whenever it drops or comes back, and then forget everything.
 */
export interface DbNotifications {
  /** Listens on `channel`; returns a function that stops listening. */
  subscribe(channel: string, onMessage: (payload: string) => void, onReset: () => void): Promise<() => void>;
  /** True while notifications are being received (entries cached now will be invalidated). */
  readonly connected: boolean;
  close(): Promise<void>;
}

interface Subscriber {
  channel: string;
  onMessage: (payload: string) => void;
  onReset: () => void;
}

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
const RECONNECT_MS = [100, 500, 2_000, 5_000];

export function createDbNotifications(pool: pg.Pool): DbNotifications {
  const subscribers = new Set<Subscriber>();
  let client: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const resetAll = () => {
    for (const s of subscribers) s.onReset();
  };

  const drop = (c: pg.PoolClient) => {
    if (client !== c) return;
    client = undefined;
    connected = false;
    resetAll();
    c.release(true);
    if (!closed && subscribers.size > 0) {
      const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)];
      retryTimer = setTimeout(() => void connect().catch(() => undefined), delay);
      retryTimer.unref();
    }
  };

  const connect = (): Promise<void> => {
    if (client || closed) return Promise.resolve();
    connecting ??= (async () => {
      const c = await pool.connect();
      try {
        c.on('notification', (msg) => {
          for (const s of subscribers) if (s.channel === msg.channel) s.onMessage(msg.payload ?? '');
        });
        c.on('error', () => drop(c));
        c.on('end', () => drop(c));
        for (const channel of new Set([...subscribers].map((s) => s.channel)))
          await c.query(`LISTEN ${channel}`);
      } catch (error) {
        c.release(true);
        throw error;
      }
      client = c;
      connected = true;
      attempt = 0;
      // Anything cached before this moment may have missed a notification.
      resetAll();
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    get connected() {
      return connected;
    },
    async subscribe(channel, onMessage, onReset) {
      if (!CHANNEL_PATTERN.test(channel)) throw new Error(`invalid channel name: ${channel}`);
      const s: Subscriber = { channel, onMessage, onReset };
      const known = [...subscribers].some((x) => x.channel === channel);
      subscribers.add(s);
      if (client && !known) await client.query(`LISTEN ${channel}`);
      else await connect();
      return () => {
        subscribers.delete(s);
      };
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connecting?.catch(() => undefined);
      const c = client;
      client = undefined;
      connected = false;
      if (c) {
        await c.query('UNLISTEN *').catch(() => undefined);
        c.release();
      }
    },
  };
}
