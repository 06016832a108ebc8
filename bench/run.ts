/**
 * `npm run bench [-- <name filter>…] [--quick] [--seconds N] [--list]`: runs every suite of bench/suites/
 * (or those whose name contains a filter) against one embedded PostgreSQL started in a temporary folder
 * (fsync off: benchmarks measure the software, not the disk), a fresh migrated database per suite, and
 * prints one table per suite. Results also go to bench/results/latest.json. Exit code 1 when a target is
 * missed or a suite fails.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { formatSuite, type SuiteReport } from './lib/report.ts';
import type { BenchSuite } from './lib/types.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUITES_DIR = path.join(BENCH_DIR, 'suites');
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'latest.json');

const { values: flags, positionals: filters } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  console.log(`Chạy benchmark (run the benchmarks): npm run bench -- [tên / name…] [--quick] [--seconds N] [--list]
  tên / name   chỉ chạy suite có tên chứa chuỗi này (only suites whose name contains it), e.g. "health"
  --quick      đo ngắn (2 s mỗi đối tượng đo) để thử nhanh, không dùng số liệu
               (2 s of measurement per target: a smoke run, not figures to quote)
  --seconds N  số giây đo cho mỗi đối tượng (measured seconds per target; default 6)
  --list       liệt kê các suite (list the suites)`);
  process.exit(0);
}

/** Every suite file's default export, checked, in file-name order. */
async function loadSuites(): Promise<BenchSuite[]> {
  const files = (await fs.readdir(SUITES_DIR)).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort();
  const suites: BenchSuite[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(SUITES_DIR, f)).href)) as {
      default?: Partial<BenchSuite>;
    };
    const s = mod.default;
    if (!s || typeof s.name !== 'string' || typeof s.scale !== 'string' || typeof s.run !== 'function') {
      throw new Error(`bench/suites/${f}: the default export must be defineSuite({ name, scale, run })`);
    }
    suites.push(s as BenchSuite);
  }
  return suites;
}

const all = await loadSuites();
const selected = filters.length ? all.filter((s) => filters.some((f) => s.name.includes(f))) : all;
if (flags.list || !selected.length) {
  if (!selected.length) console.error(`Không có suite nào khớp (no suite matches): ${filters.join(', ')}`);
  for (const s of all) console.log(`  ${s.name.padEnd(24)} ${s.scale}`);
  process.exit(selected.length ? 0 : 2);
}
const seconds = flags.seconds ? Number(flags.seconds) : flags.quick ? 2 : 6;
if (!(seconds > 0 && seconds <= 120)) throw new Error('--seconds must be between 0 and 120');

const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[22m` : s);
const started = performance.now();
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-bench-'));
const postgres = await startEmbeddedPostgres({ dataDir: tmp, fast: true });
let stopping = false;
async function cleanUp() {
  if (stopping) return;
  stopping = true;
  await postgres.stop().catch(() => {});
  await fs.rm(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const reports: SuiteReport[] = [];
let failed = false;
try {
  const probe = new pg.Client({ connectionString: postgres.url });
  await probe.connect();
  const pgVersion = (await probe.query<{ v: string }>("select current_setting('server_version') as v"))
    .rows[0]!.v;
  await probe.end();
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion} (embedded, fsync off)`;
  console.log(`HEZA benchmarks — ${machine}; ${seconds} s measured per target`);
  // Other work on the machine moves every figure; say so rather than let a busy run pass for a regression.
  const load = os.loadavg()[0]!;
  const busy = load > cpus.length * 0.5;
  console.log(
    `load average ${load.toFixed(2)}${busy ? ' — máy đang bận, số liệu kém tin cậy (machine busy: figures are unreliable)' : ''}\n`,
  );

  for (const [i, suite] of selected.entries()) {
    console.log(`▸ ${suite.name} — ${suite.scale}`);
    const t0 = performance.now();
    const dbName = `bench_${i}_${suite.name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
    try {
      const databaseUrl = await ensureDatabase(postgres.url, dbName);
      await migrate(databaseUrl);
      const rows = await suite.run({
        databaseUrl,
        serverUrl: postgres.url,
        seconds,
        log: (m) => console.log(dim(`    ${m}`)),
      });
      const report: SuiteReport = {
        name: suite.name,
        scale: suite.scale,
        seconds: (performance.now() - t0) / 1000,
        rows,
      };
      reports.push(report);
      console.log(`${formatSuite(report)}\n`);
      if (rows.some((r) => r.ok === false)) failed = true;
    } catch (err) {
      failed = true;
      const error = (err as Error).stack ?? String(err);
      reports.push({
        name: suite.name,
        scale: suite.scale,
        seconds: (performance.now() - t0) / 1000,
        rows: [],
        error,
      });
      console.log(`  THẤT BẠI (suite failed): ${error}\n`);
    }
  }
  await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await fs.writeFile(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        finishedAt: new Date().toISOString(),
        machine,
        loadAverageAtStart: load,
        measuredSecondsPerTarget: seconds,
        // The ratio is the comparable figure: stored beside each row so readers need not recompute it.
        suites: reports.map((r) => ({
          ...r,
          rows: r.rows.map((row) => ({ ...row, ...(row.baseline && { ratio: row.value / row.baseline }) })),
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    dim(
      `${reports.length} suite(s) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), RESULTS_FILE)}`,
    ),
  );
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
