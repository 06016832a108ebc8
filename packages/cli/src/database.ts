import { loadConfig } from '../../../apps/server/src/config.ts';
import { createDb, type Db } from '../../../apps/server/src/db/client.ts';
import { migrate } from '../../../apps/server/src/db/migrate.ts';
import { openDatabase } from '../../../apps/server/src/main.ts';

/**
 * Runs `fn` with the configured database (embedded unless DATABASE_URL), migrated, and shuts everything
 * down afterwards. Used by every CLI command that touches data.
 */
export async function withDatabase<T>(
  fn: (db: Db, info: { url: string; embedded: boolean }) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const { url, embedded } = await openDatabase(config);
  try {
    if (opts.migrate !== false) await migrate(url);
    const { db } = createDb(url, { max: 4 });
    try {
      return await fn(db, { url, embedded: !!embedded });
    } finally {
      await db.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
