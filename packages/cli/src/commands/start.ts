import type { Command } from 'commander';
import { startPlatform } from '../../../../apps/server/src/main.ts';

/** `heza start`: the whole platform on PORT (default 3000). */
export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description(
      'Chạy nền tảng: PostgreSQL nhúng (dữ liệu trong ./data) hoặc DATABASE_URL, migration, dữ liệu mẫu khi CSDL trống, máy chủ web.\n' +
        'Start the platform: embedded PostgreSQL (./data) or DATABASE_URL, migrations, demo data on an empty database, web server.',
    )
    .option('-p, --port <port>', 'cổng HTTP (HTTP port); mặc định PORT hoặc 3000')
    .option('--no-demo', 'không nạp dữ liệu mẫu (do not load demo data)')
    .option('--demo', 'nạp dữ liệu mẫu cả khi dùng DATABASE_URL (load demo data also with DATABASE_URL)')
    .option('--dev', 'chế độ phát triển (development mode)')
    .action(async (opts: { port?: string; demo?: boolean; dev?: boolean }) => {
      const started = performance.now();
      const platform = await startPlatform({
        ...(opts.port && { port: Number(opts.port) }),
        ...(opts.demo !== undefined &&
          process.argv.some((a) => a === '--demo' || a === '--no-demo') && { demo: opts.demo }),
        verbose: true,
      });
      console.log(`• Sẵn sàng sau ${Math.round(performance.now() - started)} ms (ready). Ctrl+C để dừng.`);
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.log('\n• Đang dừng (stopping)…');
        await platform.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
