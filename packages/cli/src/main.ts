import { Command } from 'commander';
import { registerBackupCommands } from './commands/backup.ts';
import { registerCalendarCommands } from './commands/calendar.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerUserCommands } from './commands/user.ts';

const program = new Command()
  .name('heza')
  .description('HEZA Platform — công cụ dòng lệnh (command-line tool) của nền tảng Ban Quản lý Khu kinh tế')
  .showHelpAfterError('(dùng --help để xem hướng dẫn / use --help for usage)');

registerStartCommand(program);
registerDbCommands(program);
registerUserCommands(program);
registerBackupCommands(program);
registerImportCommands(program);
registerReportCommands(program);
registerCalendarCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`Lỗi (error): ${(err as Error).message}`);
  process.exit(1);
}
