import { recordAudit } from '../../../platform/audit/audit.ts';
import { randomToken, sha256 } from '../../../platform/auth/session.ts';
import type { Ctx } from '../../../platform/context.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';

const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Starts a password reset: when the e-mail belongs to an active user, stores a one-hour single-use token
 * (hashed) and queues the e-mail with the link in the same transaction. The caller answers the same way whether or not the e-mail exists.
 */
export async function requestPasswordReset(ctx: Ctx, email: string, baseUrl: string) {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locale', 'active'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
  if (!user?.active) return;
  const token = randomToken();
  const link = `${baseUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
  const vi = user.locale !== 'en';
  const mail = {
    to: user.email,
    subject: vi ? 'HEZA: Đặt lại mật khẩu' : 'HEZA: Reset your password',
    text: vi
      ? `Kính gửi ${user.full_name},\n\nĐể đặt lại mật khẩu, vui lòng mở liên kết sau (hiệu lực 60 phút, dùng một lần):\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.\n\nBan Quản lý Khu kinh tế`
      : `Dear ${user.full_name},\n\nTo reset your password, open this link (valid for 60 minutes, single use):\n${link}\n\nIf you did not ask for this, ignore this e-mail.\n\nEconomic Zone Authority`,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('password_reset_tokens')
      .values({
        token_hash: sha256(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + RESET_TTL_MS),
      })
      .execute();
    await enqueueJob(tx, 'mail_send', mail);
    await recordAudit(
      tx,
      { ...ctx, systemLabel: user.email },
      { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id },
    );
  });
}
