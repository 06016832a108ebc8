import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';

/**
 * Starts one real PostgreSQL for the whole run (embedded, in a temporary folder, fsync off) and prepares a
 * migrated template database; each test file clones it (see harness.ts). With TEST_DATABASE_URL an external
 * server is used instead.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let dir: string | undefined;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-test-'));
    const pg = await startEmbeddedPostgres({ dataDir: dir, fast: true });
    serverUrl = pg.url;
    stop = pg.stop;
  }
  const templateUrl = await ensureDatabase(serverUrl, `heza_template_${process.pid}`);
  await migrate(templateUrl);
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', `heza_template_${process.pid}`);
  return async () => {
    await stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
