import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../../../../apps/server/src/config.ts';
import { type BackupProgress, backupDatabase } from '../../../../apps/server/src/platform/backup/backup.ts';
import { inspectBackup, restoreDatabase } from '../../../../apps/server/src/platform/backup/restore.ts';
import { withDatabase } from '../database.ts';

/** The part of cli-progress used here (the package ships no type declarations). */
interface ProgressBar {
  start(total: number, value: number, payload?: object): void;
  update(value: number, payload?: object): void;
  stop(): void;
}
const cliProgress = createRequire(import.meta.url)('cli-progress') as {
  SingleBar: new (opts: object, preset: object) => ProgressBar;
  Presets: { shades_classic: object };
};

/** A progress bar on an interactive terminal; nothing when output goes to a file or a cron log. */
function progressBar(enabled: boolean): { onProgress?: (p: BackupProgress) => void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: '  {bar} {percentage}% | {value}/{total} dòng (rows) | {table}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(p) {
      if (!started) bar.start(Math.max(p.rowsTotal, 1), 0, { table: '' });
      started = true;
      bar.update(p.rowsDone, { table: p.table ?? '' });
    },
    stop: () => started && bar.stop(),
  };
}

/**
 * The URL of the embedded PostgreSQL when a running platform already holds the data folder: a backup can
 * then be taken live instead of asking to stop it. Reads what startEmbeddedPostgres leaves there
 * (postmaster.pid gives the port on its 4th line; pg-credentials.json the login).
 */
function runningEmbeddedUrl(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  if (!existsSync(pidFile) || !existsSync(credentialsFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // left behind by a crash: startEmbeddedPostgres cleans it up
  }
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const { user, password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
    user: string;
    password: string;
  };
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/heza`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

/** `heza backup <file>` and `heza restore <file>`. */
export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .argument(
      '<file>',
      'tệp sao lưu sẽ tạo (backup file to write), ví dụ / e.g. backups/heza-2025-01-31.heza',
    )
    .description(
      'Sao lưu toàn bộ CSDL (PostgreSQL nhúng trong ./data, hoặc DATABASE_URL) vào một tệp, từ một ảnh chụp nhất quán; ' +
        'chạy được khi nền tảng đang chạy.\n' +
        'Back up the whole database (embedded PostgreSQL in ./data, or DATABASE_URL) into one file from a consistent ' +
        'snapshot; works while the platform is running.',
    )
    .addOption(
      new Option('--format <format>', 'định dạng (format): auto | pg_dump | builtin')
        .choices(['auto', 'pg_dump', 'builtin'])
        .default('auto'),
    )
    .option('-f, --force', 'ghi đè tệp đã có (overwrite an existing file)')
    .option('--no-progress', 'không hiện thanh tiến độ (no progress bar)')
    .addHelpText(
      'after',
      `
Định dạng (formats):
  auto     pg_dump (định dạng custom, -Fc) nếu có pg_dump cùng hoặc mới hơn phiên bản máy chủ — tìm theo biến
           PG_DUMP, rồi PATH, rồi /usr/lib/postgresql/*/bin; nếu không, định dạng tích hợp.
           pg_dump (custom format, -Fc) when one at least as new as the server is found — PG_DUMP, then PATH,
           then /usr/lib/postgresql/*/bin; otherwise the built-in format.
  builtin  tệp gzip do HEZA tự viết; không cần công cụ ngoài. A gzip file written by HEZA; needs no tools.

Tệp chứa mã băm mật khẩu: chỉ chủ sở hữu đọc được (mode 600). Hãy cất giữ cẩn thận.
The file holds password hashes: readable by its owner only (mode 600). Keep it safe.

Chỉ sao lưu CSDL: tệp tải lên trong <thư mục dữ liệu>/files cần được sao chép riêng.
Database only: uploaded files under <data folder>/files must be copied separately.

Ví dụ (examples):
  npx heza backup backups/heza-$(date +%F).heza
  DATABASE_URL=postgres://heza:…@db:5432/heza npx heza backup /srv/backups/heza.heza --format pg_dump`,
    )
    .action(
      async (
        file: string,
        opts: { format: 'auto' | 'pg_dump' | 'builtin'; force?: boolean; progress: boolean },
      ) => {
        const bar = progressBar(opts.progress);
        const run = (url: string) =>
          backupDatabase(url, file, {
            format: opts.format,
            overwrite: opts.force,
            onProgress: bar.onProgress,
          });
        const config = loadConfig();
        const live = config.databaseUrl ? undefined : runningEmbeddedUrl(config.dataDir);
        if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
          // Starting the embedded PostgreSQL would create an empty cluster just to back it up.
          throw new Error(
            `Chưa có CSDL nào trong ${config.dataDir} để sao lưu (no database there yet); dùng DATABASE_URL cho CSDL ngoài.`,
          );
        }
        let result: Awaited<ReturnType<typeof backupDatabase>>;
        try {
          result = live
            ? await run(live)
            : await withDatabase((_db, { url }) => run(url), { migrate: false });
        } finally {
          bar.stop();
        }
        if (result.note) console.log(`• ${result.note}`);
        console.log(
          `Đã sao lưu (backed up) ${result.tables.length} bảng (tables), ${result.rows} dòng (rows) → ${result.file} ` +
            `(${kb(result.bytes)}, ${result.format === 'pg_dump' ? `pg_dump ${result.tool!.version}` : 'định dạng tích hợp / built-in format'}, ` +
            `PostgreSQL ${result.serverVersion}, ${result.migrations.length} migration).`,
        );
      },
    );

  program
    .command('restore')
    .argument('<file>', 'tệp do `heza backup` tạo (a file made by `heza backup`)')
    .description(
      'Khôi phục CSDL từ tệp sao lưu: dựng lại lược đồ bằng migration như lúc sao lưu, nạp dữ liệu trong một giao dịch, ' +
        'kiểm tra số dòng từng bảng. Từ chối nếu CSDL đích đã có dữ liệu (trừ khi --force) hoặc tệp hỏng.\n' +
        'Restore the database from a backup: rebuild the schema with the migrations it was taken at, load the data ' +
        'in one transaction, verify every table’s row count. Refused when the target already holds data (unless ' +
        '--force) or the file is damaged.',
    )
    .option(
      '--force',
      'thay thế CSDL đang có dữ liệu — mọi dữ liệu hiện có sẽ mất (replace a database that holds data; its data is lost)',
    )
    .option(
      '--check',
      'chỉ đọc và kiểm tra tệp, không động vào CSDL (only read and check the file; the database is not touched)',
    )
    .option('--no-progress', 'không hiện thanh tiến độ (no progress bar)')
    .addHelpText(
      'after',
      `
Hãy dừng nền tảng (heza start) trước khi khôi phục vào PostgreSQL nhúng.
Stop the platform (heza start) before restoring into the embedded PostgreSQL.

Tệp hỏng, bị cắt cụt hoặc không phải bản sao lưu bị từ chối trước khi CSDL bị thay đổi; mọi lỗi trong lúc nạp
đều huỷ toàn bộ (rollback). Bản sao lưu từ phiên bản HEZA mới hơn (có migration lạ) bị từ chối.
A damaged, truncated or foreign file is refused before the database changes; any failure while loading rolls
everything back. A backup from a newer HEZA (unknown migrations) is refused.

Ví dụ (examples):
  npx heza restore backups/heza-2025-01-31.heza --check
  npx heza restore backups/heza-2025-01-31.heza
  npx heza restore backups/heza-2025-01-31.heza --force`,
    )
    .action(async (file: string, opts: { force?: boolean; check?: boolean; progress: boolean }) => {
      if (opts.check) {
        const info = await inspectBackup(file);
        const rows = info.tables.reduce((a, t) => a + t.rows, 0);
        console.log(
          `Tệp hợp lệ (valid backup): ${info.format === 'pg_dump' ? 'pg_dump' : 'định dạng tích hợp / built-in'}, ` +
            `tạo lúc (created) ${info.createdAt ?? '?'}, PostgreSQL ${info.serverVersion ?? '?'}, ` +
            `${info.migrations.length} migration, ${info.tables.length} bảng (tables), ${rows} dòng (rows).`,
        );
        return;
      }
      const config = loadConfig();
      if (!config.databaseUrl && runningEmbeddedUrl(config.dataDir)) {
        throw new Error(
          `Nền tảng đang chạy với ${config.dataDir}: hãy dừng nó trước khi khôi phục. ` +
            '(The platform is running on this data folder: stop it before restoring.)',
        );
      }
      const bar = progressBar(opts.progress);
      let result: Awaited<ReturnType<typeof restoreDatabase>>;
      try {
        result = await withDatabase(
          (_db, { url }) => restoreDatabase(url, file, { force: opts.force, onProgress: bar.onProgress }),
          { migrate: false },
        );
      } finally {
        bar.stop();
      }
      console.log(
        `Đã khôi phục và kiểm tra (restored and verified) ${result.tables.length} bảng (tables), ${result.rows} dòng (rows) ` +
          `từ bản sao lưu lúc (from the backup of) ${result.createdAt ?? '?'}.`,
      );
      if (!result.triggersDeferred) {
        console.log(
          '• Không có quyền tắt trigger: đã nạp theo thứ tự khoá ngoại (no permission to defer triggers: loaded in FK order).',
        );
      }
      if (result.pendingMigrations.length) {
        console.log(
          `• ${result.pendingMigrations.length} migration mới hơn bản sao lưu sẽ được áp dụng khi chạy \`heza start\` hoặc ` +
            `\`heza db migrate\` (newer migrations are applied on next start): ${result.pendingMigrations.join(', ')}`,
        );
      }
    });
}
