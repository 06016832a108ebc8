import { createInterface } from 'node:readline/promises';
import { CreateUserInput, pickMessage } from '@heza/shared';
import type { Command } from 'commander';
import { createUser } from '../../../../apps/server/src/modules/accounts/commands/create-user.ts';
import { systemCtx } from '../../../../apps/server/src/platform/context.ts';
import { AppError } from '../../../../apps/server/src/platform/errors.ts';
import { withDatabase } from '../database.ts';

async function readPassword(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.password) return opts.password;
  if (process.env.HEZA_ADMIN_PASSWORD) return process.env.HEZA_ADMIN_PASSWORD;
  if (opts.passwordStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Mật khẩu (password, ≥ 10 ký tự): ');
  rl.close();
  return pw;
}

/** `heza user create-admin`: the first administrator (or another one). */
export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Tài khoản người dùng (user accounts)');
  user
    .command('create-admin')
    .description(
      'Tạo tài khoản quản trị (create an administrator). Mật khẩu lấy từ --password, biến HEZA_ADMIN_PASSWORD, stdin, hoặc hỏi khi chạy.',
    )
    .requiredOption('--email <email>', 'email đăng nhập (sign-in e-mail)')
    .option('--name <name>', 'họ và tên (full name)', 'Quản trị viên')
    .option('--password <password>', 'mật khẩu, ≥ 10 ký tự (password)')
    .option('--password-stdin', 'đọc mật khẩu từ stdin (read the password from stdin)')
    .action(async (opts: { email: string; name: string; password?: string; passwordStdin?: boolean }) => {
      const password = await readPassword(opts);
      const parsed = CreateUserInput.safeParse({
        email: opts.email,
        fullName: opts.name,
        role: 'admin',
        password,
      });
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          console.error(`  ${i.path.join('.')}: ${pickMessage(i.message, 'vi')}`);
        process.exitCode = 2;
        return;
      }
      try {
        const created = await withDatabase((db) => createUser(systemCtx(db, 'cli'), parsed.data));
        console.log(`Đã tạo quản trị viên (administrator created): ${created.email}`);
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONFLICT') {
          console.error(`Email ${opts.email} đã tồn tại (already exists).`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}
