import type { Command } from 'commander';
import { loadConfig } from '../../../../apps/server/src/config.ts';
import { migrate } from '../../../../apps/server/src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../../apps/server/src/db/seed/demo.ts';
import { withDatabase } from '../database.ts';

/** `heza db migrate` and `heza db seed --demo`. */
export function registerDbCommands(program: Command) {
  const db = program.command('db').description('Cơ sở dữ liệu (database): migration, dữ liệu mẫu');
  db.command('migrate')
    .description('Áp dụng các migration còn thiếu (apply pending migrations)')
    .option('--dry-run', 'chỉ liệt kê, không áp dụng (list only)')
    .action(async (opts: { dryRun?: boolean }) => {
      await withDatabase(
        async (_db, { url }) => {
          const r = await migrate(url, { dryRun: opts.dryRun });
          if (opts.dryRun)
            console.log(
              r.pending.length
                ? `Chờ áp dụng (pending): ${r.pending.join(', ')}`
                : 'Không có migration chờ (none pending).',
            );
          else
            console.log(
              r.applied.length
                ? `Đã áp dụng (applied): ${r.applied.join(', ')}`
                : 'CSDL đã ở phiên bản mới nhất (up to date).',
            );
        },
        { migrate: false },
      );
    });
  db.command('seed')
    .description('Nạp dữ liệu mẫu Hải Phòng (load the Hai Phong demo data); bỏ qua bản ghi đã có')
    .requiredOption('--demo', 'dữ liệu mẫu (demo data) — bắt buộc, để không nạp nhầm vào CSDL thật')
    .action(async () => {
      await withDatabase(async (database) => {
        const logins = await seedDemo(database, { dataDir: loadConfig().dataDir });
        console.log('Đã nạp dữ liệu mẫu (demo data loaded).');
        for (const l of logins) console.log(`  ${l.email.padEnd(24)} ${DEMO_PASSWORD}   (${l.role})`);
      });
    });
}
